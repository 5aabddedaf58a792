/**
 * createApp builds everything the service is, without listening on a port: the schema,
 * Apollo Server, the Express routes, the database connection and its preparation. main.ts
 * listens; tests call `apollo.executeOperation` or mount `http` on an ephemeral port.
 */
import 'reflect-metadata';

import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';

import { accessPlugin, checkAccess, describeAuthFailure, readAccessMiddleware } from './auth/access.js';
import { bearerTokenOf, type Principal } from './auth/token.js';
import { migrateTokensFile } from './auth/token.service.js';
import { TokenStore } from './auth/token-store.js';
import type { AppConfig } from './config/config.js';
import { DatabaseState, type Preparation } from './db/database-state.js';
import { Executor } from './db/executor.js';
import { normalizeError } from './errors/errors.js';
import { exportRoutes } from './export/export.routes.js';
import { nameBadArgument, ParsedDocuments, rememberParsedDocuments } from './graph/argument-errors.js';
import { BOOKMARK_HEADER, bookmarkPlugin, parseBookmarkHeader } from './graph/bookmarks.js';
import type { RequestContext } from './request/context.js';
import { callerOf, graphqlBodyGuards, identifyCaller, lastResortErrorHandler, noStore, notFound, refuseInvalidToken } from './graph/http-guards.js';
import { operationLimitsCheck, queryLimitsPlugin } from './graph/limits.js';
import { CompiledOperations } from './graph/compiled-operations.js';
import { PreparedQueries } from './graph/prepared-queries.js';
import { clientAddressOf, createRateLimitStore, operationRateLimit, rateLimiter } from './graph/rate-limit.js';
import { graphqlFastPath, withFastPath } from './graph/graphql-fast-path.js';
import { createRequestReads, requestReadsPlugin } from './graph/request-reads.js';
import { createServices } from './graph/services.js';
import { answerFetchedAheadFirst } from './graph/fetched-ahead.js';
import { boundFieldResolvers } from './graph/response-budget.js';
import { responseLimitsPlugin } from './graph/response-limits.js';
import { requestLogPlugin } from './graph/request-log.js';
import { buildAppSchema } from './graph/schema.js';
import { healthRoutes } from './health/health.routes.js';
import { createLogger, type Logger } from './logging/logger.js';
import { whenWrittenOutBoundReached } from './stances/written-out-projection.js';
import { seedIfEmpty } from './seed/seed-loader.js';
import { AuditFollower } from './subscriptions/audit-follower.js';
import { ChangeFeed } from './subscriptions/change-feed.js';
import { attachSubscriptionServer } from './graph/subscription-server.js';
import { webRoutes } from './web/web.routes.js';

export interface App {
  config: AppConfig;
  logger: Logger;
  schema: GraphQLSchema;
  executor: Executor;
  database: DatabaseState;
  apollo: ApolloServer<RequestContext>;
  /**
   * The HTTP handler of everything the service serves (/graphql, /export, /health/*, the web
   * pages); mount it on any HTTP server. Plain POSTs to /graphql take the fast path
   * (src/graph/graphql-fast-path.ts), everything else the Express app.
   */
  http: (req: IncomingMessage, res: ServerResponse) => void;
  /** API tokens (hashes only, in Neo4j): checked on every request, managed by admins. */
  tokens: TokenStore;
  /** The executor of every operation (compiled once a document recurs) and the queries the fast path answers without Apollo. */
  operations: CompiledOperations;
  prepared: PreparedQueries;
  /**
   * A fresh context, as a request would get; for executeOperation in tests. Pass the
   * `Authorization` header a request would carry, or a principal directly.
   */
  createContext(options?: ContextOptions): RequestContext;
  stop(): Promise<void>;
}

export interface ContextOptions {
  /** The value of an `Authorization` header, e.g. "Bearer ngt_...". */
  authorization?: string;
  /** Act as this principal without a token (tests, trusted scripts). */
  principal?: Principal | null;
  /** Bookmarks from the request's Bookmark header: read after those writes (src/graph/bookmarks.ts). */
  bookmarks?: readonly string[];
  /**
   * A subscription's context: it lives as long as the connection, so the request wall-time bound
   * does not apply (each event's reads are bounded by the transaction timeout).
   */
  longLived?: boolean;
}

export interface CreateAppOptions {
  /** The HTTP server the app will be mounted on, so shutdown can drain it. */
  httpServer?: Server;
  logger?: Logger;
  /** Every request through the Express app, /graphql POSTs too (no fast path): for the test that compares the two. */
  expressOnly?: boolean;
}

/** TRUST_PROXY as Express takes it: a hop count, true, or addresses and subnets. */
function trustProxyValue(raw: string): boolean | number | string {
  if (/^\d+$/.test(raw)) return Number(raw);
  return /^(true|yes)$/i.test(raw) ? true : raw;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  whenWrittenOutBoundReached((bound) => logger.warn('stance list queries: written-out texts at their bound; new selections run the generic text', { bound }));
  // Every field charges the request's response budget (src/graph/response-budget.ts); values
  // fetched ahead with a list are answered without type-graphql's handler (fetched-ahead.ts).
  const schema = boundFieldResolvers(answerFetchedAheadFirst(await buildAppSchema()));
  const executor = new Executor(config.neo4j, logger);
  const preparations: Preparation[] = [
    // A tokens file from before tokens moved into Neo4j is moved there once, then renamed.
    async (ex) => void (await migrateTokensFile(ex, config.auth.tokensFile, logger)),
    ...(config.seedOnEmpty ? [(ex: Executor) => seedIfEmpty(ex, logger)] : []),
  ];
  const database = new DatabaseState(executor, logger, preparations);
  const tokens = new TokenStore(executor, config.auth.tokensJson);

  const parsedDocuments = new ParsedDocuments();
  // Operations run compiled once their document has come `compileAfter` times; Apollo takes
  // that executor as a "gateway", and the fast path runs plain queries on it without Apollo.
  // With GRAPHQL_COMPILE_AFTER=0 every request goes through Apollo, which executes on graphql-js by itself.
  const operations = new CompiledOperations(schema, config.compileAfter, logger);
  const apollo = new ApolloServer<RequestContext>({
    ...(config.compileAfter > 0 ? { gateway: operations.apolloGateway() } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    // A backstop for callers that skip the HTTP guards (executeOperation): the parser stops here.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Without introspection, "Did you mean ...?" would still spell out the schema field by field.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    // main.ts stops the app on SIGTERM/SIGINT itself. Apollo's own handlers (on unless
    // NODE_ENV=test) would start a second stop alongside it, which then hangs until the forced
    // exit 15 s later, with exit code 1.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const normalized = normalizeError(nameBadArgument(formatted, error, parsedDocuments), error, config.development);
      if (normalized.extensions?.['code'] === 'INTERNAL_SERVER_ERROR') {
        // The client sees a code only; the operator needs the cause.
        const cause = unwrapResolverError(error);
        logger.error('unexpected error', {
          path: formatted.path,
          error: cause instanceof Error ? cause.message : String(cause),
          stack: cause instanceof Error ? cause.stack : undefined,
        });
      }
      return normalized;
    },
    plugins: [
      accessPlugin(config.auth.readsRequireToken),
      bookmarkPlugin(),
      queryLimitsPlugin(config.limits, { hideSuggestions: !config.introspection }),
      responseLimitsPlugin(config.limits),
      rememberParsedDocuments(parsedDocuments),
      requestLogPlugin(logger),
      requestReadsPlugin(),
      // Apollo's landing page loads Sandbox from a CDN; /playground is served from here.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints (answers are Cache-Control: no-store): Apollo's default cache
      // control plugin would only add a hook to every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
  });
  await apollo.start();

  const createContext = (options: ContextOptions = {}): RequestContext => {
    // Each request gets its own bound on parallel database work (the pool is shared by all),
    // and reads after the bookmarks it brings (its own writes, maybe through another replica);
    // its reads share one read transaction (src/graph/request-reads.ts).
    const requestExecutor = executor.forRequest(
      config.limits.maxParallelQueries,
      options.longLived ? undefined : config.limits.requestTimeoutMs,
      options.bookmarks ?? [],
    );
    const context: RequestContext = {
      executor: requestExecutor,
      ...createRequestReads(requestExecutor),
      services: createServices(requestExecutor),
      config,
      tokens,
      principal: options.principal ?? null,
      authFailure: null,
    };
    const token = bearerTokenOf(options.authorization);
    if (token !== undefined) {
      // The token itself is never logged or echoed back.
      context.authentication = tokens
        .authenticate(token)
        .then((result) =>
          'principal' in result ? { principal: result.principal, authFailure: null } : { principal: null, authFailure: describeAuthFailure(result) },
        );
      // Awaited by the access plugin; a request that fails before that must not leave it unhandled.
      context.authentication.catch(() => undefined);
    }
    return context;
  };
  const http = express();
  http.disable('x-powered-by');
  // No ETag on res.send answers: GraphQL and export answers are computed per request and never
  // revalidated (GraphQL answers are sent no-store), so a hash of every body bought nothing
  // (static files keep theirs).
  http.set('etag', false);
  if (config.rateLimit.trustProxy !== false) http.set('trust proxy', trustProxyValue(config.rateLimit.trustProxy));
  http.use(healthRoutes(database));
  http.use('/export', identifyCaller(tokens, 'rest'), rateLimiter(config.rateLimit, 'rest'), readAccessMiddleware(tokens, config.auth.readsRequireToken));
  // Exports, too, read after the request's Bookmark header (the client's own writes).
  http.use(exportRoutes((req) => executor.withBookmarks(parseBookmarkHeader(req.headers[BOOKMARK_HEADER])), logger));
  http.use(webRoutes(logger));
  // One /graphql budget per client, for HTTP requests and subscribe messages over WebSocket alike.
  const graphqlRateStore = createRateLimitStore();
  // Cheapest refusals first: rate limit, token, then the body and document (src/graph/http-guards.ts).
  http.use(
    '/graphql',
    noStore,
    identifyCaller(tokens, 'graphql'),
    rateLimiter(config.rateLimit, 'graphql', graphqlRateStore),
    refuseInvalidToken(),
    ...graphqlBodyGuards(config.limits),
    expressMiddleware(apollo, {
      // identifyCaller checked the token already: hand on its principal rather than look it up again.
      context: async ({ req, res }) =>
        createContext({ principal: callerOf(req, res).principal ?? null, bookmarks: parseBookmarkHeader(req.headers[BOOKMARK_HEADER]) }),
    }),
  );
  http.use(notFound);
  const onUnexpectedHttpError = (error: unknown) => logger.error('unexpected HTTP error', { error: error instanceof Error ? error.message : String(error) });
  http.use(lastResortErrorHandler(onUnexpectedHttpError));
  // The same /graphql chain without Express, for the plain POSTs that are nearly all of its traffic.
  const prepared = new PreparedQueries({
    config,
    operations,
    schema,
    logger,
    checkAccess: (context, operation) => checkAccess(context, operation, config.auth.readsRequireToken),
    checkOperation: operationLimitsCheck(config.limits, { hideSuggestions: !config.introspection }),
  });
  const fastPath = graphqlFastPath({
    config,
    apollo,
    // Its errors go to Apollo's executor to be formatted: only where that executor is ours.
    prepared: config.compileAfter > 0 ? prepared : undefined,
    tokens,
    rateLimitStore: graphqlRateStore,
    addressOf: (request) => clientAddressOf(http, request),
    createContext: (o) => createContext(o),
    onUnexpected: onUnexpectedHttpError,
  });
  const handler = options.expressOnly ? (req: IncomingMessage, res: ServerResponse) => http(req, res) : withFastPath(fastPath, (req, res) => http(req, res));

  database.watch();

  // Live updates: this replica follows the audit log in Neo4j, so its subscribers hear of
  // changes made through every replica. Only a serving app (with an HTTP server) follows it.
  const follower = new AuditFollower(executor, logger, { pollIntervalMs: config.subscriptions.pollIntervalMs });
  const feed = new ChangeFeed(executor, follower);
  const subscriptions = options.httpServer
    ? attachSubscriptionServer(options.httpServer, {
        schema,
        config,
        tokens,
        feed,
        logger,
        createContext: (o) => createContext(o),
        addressOf: (request) => clientAddressOf(http, request),
        rateLimit: operationRateLimit(config.rateLimit, graphqlRateStore),
      })
    : null;
  if (subscriptions) follower.start();

  return {
    config,
    logger,
    schema,
    executor,
    database,
    apollo,
    http: handler,
    tokens,
    operations,
    prepared,
    createContext,
    async stop() {
      follower.stop();
      await subscriptions?.close();
      database.stop();
      await apollo.stop();
      await executor.close();
    },
  };
}

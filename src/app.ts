/**
 * createApp builds everything the service is, without listening on a port: the schema,
 * Apollo Server, the Express routes, the database connection and its preparation. main.ts
 * listens; tests call `apollo.executeOperation` or mount `http` on an ephemeral port.
 */
import 'reflect-metadata';

import type { Server } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';

import { accessPlugin, describeAuthFailure, readAccessMiddleware } from './auth/access.js';
import { bearerTokenOf, type Principal } from './auth/token.js';
import { migrateTokensFile } from './auth/token.service.js';
import { TokenStore } from './auth/token-store.js';
import type { AppConfig } from './config/config.js';
import { DatabaseState, type Preparation } from './db/database-state.js';
import { Executor } from './db/executor.js';
import { normalizeError } from './errors/errors.js';
import { exportRoutes } from './export/export.routes.js';
import { nameBadArgument } from './graph/argument-errors.js';
import { BOOKMARK_HEADER, bookmarkPlugin, parseBookmarkHeader } from './graph/bookmarks.js';
import type { RequestContext } from './graph/context.js';
import { queryLimitsPlugin } from './graph/limits.js';
import { createLoaders } from './graph/loaders.js';
import { requestLogPlugin } from './graph/request-log.js';
import { buildAppSchema } from './graph/schema.js';
import { healthRoutes } from './health/health.routes.js';
import { createLogger, type Logger } from './logging/logger.js';
import { seedIfEmpty } from './seed/seed-loader.js';
import { AuditFollower } from './subscriptions/audit-follower.js';
import { ChangeFeed } from './subscriptions/change-feed.js';
import { attachSubscriptionServer } from './subscriptions/subscription-server.js';
import { webRoutes } from './web/web.routes.js';

export interface App {
  config: AppConfig;
  logger: Logger;
  schema: GraphQLSchema;
  executor: Executor;
  database: DatabaseState;
  apollo: ApolloServer<RequestContext>;
  /** The Express app: /graphql, /health/*; mount it on any HTTP server. */
  http: Express;
  /** API tokens (hashes only, in Neo4j): checked on every request, managed by admins. */
  tokens: TokenStore;
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
}

export interface CreateAppOptions {
  /** The HTTP server the app will be mounted on, so shutdown can drain it. */
  httpServer?: Server;
  logger?: Logger;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const schema = await buildAppSchema();
  const executor = new Executor(config.neo4j, logger);
  const preparations: Preparation[] = [
    // A tokens file from before tokens moved into Neo4j is moved there once, then renamed.
    async (ex) => void (await migrateTokensFile(ex, config.auth.tokensFile, logger)),
    ...(config.seedOnEmpty ? [(ex: Executor) => seedIfEmpty(ex, logger)] : []),
  ];
  const database = new DatabaseState(executor, logger, preparations);
  const tokens = new TokenStore(executor, config.auth.tokensJson);

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    // main.ts stops the app on SIGTERM/SIGINT itself. Apollo's own handlers (on unless
    // NODE_ENV=test) would start a second stop alongside it, which then hangs until the forced
    // exit 15 s later, with exit code 1.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const normalized = normalizeError(nameBadArgument(formatted, error), error, config.development);
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
      queryLimitsPlugin(config.limits),
      requestLogPlugin(logger),
      // Apollo's landing page loads Sandbox from a CDN; /playground is served from here.
      ApolloServerPluginLandingPageDisabled(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
  });
  await apollo.start();

  const createContext = (options: ContextOptions = {}): RequestContext => {
    const requestExecutor = executor.withBookmarks(options.bookmarks ?? []);
    const context: RequestContext = {
      executor: requestExecutor,
      loaders: createLoaders(requestExecutor),
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
  http.use(healthRoutes(database));
  http.use('/export', readAccessMiddleware(tokens, config.auth.readsRequireToken));
  http.use(exportRoutes(executor, logger));
  http.use(webRoutes(logger));
  http.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext({ authorization: req.headers.authorization, bookmarks: parseBookmarkHeader(req.headers[BOOKMARK_HEADER]) }),
    }),
  );

  database.watch();

  // Live updates: this replica follows the audit log in Neo4j, so its subscribers hear of
  // changes made through every replica. Only a serving app (with an HTTP server) follows it.
  const follower = new AuditFollower(executor, logger, { pollIntervalMs: config.subscriptions.pollIntervalMs });
  const feed = new ChangeFeed(executor, follower);
  const subscriptions = options.httpServer
    ? attachSubscriptionServer(options.httpServer, { schema, config, tokens, feed, logger, createContext: (o) => createContext(o) })
    : null;
  if (subscriptions) follower.start();

  return {
    config,
    logger,
    schema,
    executor,
    database,
    apollo,
    http,
    tokens,
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

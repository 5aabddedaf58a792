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

import { accessPlugin, readAccessMiddleware } from './auth/access.js';
import { bearerTokenOf, type Principal } from './auth/token.js';
import { TokenStore } from './auth/token-store.js';
import type { AppConfig } from './config/config.js';
import { DatabaseState, type Preparation } from './db/database-state.js';
import { Executor } from './db/executor.js';
import { normalizeError } from './errors/errors.js';
import { exportRoutes } from './export/export.routes.js';
import { nameBadArgument, ParsedDocuments, rememberParsedDocuments } from './graph/argument-errors.js';
import type { RequestContext } from './graph/context.js';
import { graphqlBodyGuards, lastResortErrorHandler, notFound, refuseInvalidToken } from './graph/http-guards.js';
import { queryLimitsPlugin } from './graph/limits.js';
import { createLoaders } from './graph/loaders.js';
import { rateLimiter } from './graph/rate-limit.js';
import { responseLimitsPlugin } from './graph/response-limits.js';
import { requestLogPlugin } from './graph/request-log.js';
import { buildAppSchema } from './graph/schema.js';
import { healthRoutes } from './health/health.routes.js';
import { createLogger, type Logger } from './logging/logger.js';
import { seedIfEmpty } from './seed/seed-loader.js';
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
  /** API tokens (hashes only): checked on every request, managed by admins. */
  tokens: TokenStore;
  /**
   * A fresh context, as a request would get; for executeOperation in tests. Pass the
   * `Authorization` header a request would carry, or a principal directly.
   */
  createContext(options?: ContextOptions): RequestContext;
  stop(): Promise<void>;
}

const INVALID_TOKEN =
  'The bearer token is not valid (unknown, revoked or mistyped). Send "Authorization: Bearer <token>" with a token from "npm run token -- create".';

export interface ContextOptions {
  /** The value of an `Authorization` header, e.g. "Bearer ngt_...". */
  authorization?: string;
  /** Act as this principal without a token (tests, trusted scripts). */
  principal?: Principal | null;
}

export interface CreateAppOptions {
  /** The HTTP server the app will be mounted on, so shutdown can drain it. */
  httpServer?: Server;
  logger?: Logger;
}

/** TRUST_PROXY as Express takes it: a hop count, true, or addresses and subnets. */
function trustProxyValue(raw: string): boolean | number | string {
  if (/^\d+$/.test(raw)) return Number(raw);
  return /^(true|yes)$/i.test(raw) ? true : raw;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const schema = await buildAppSchema();
  const executor = new Executor(config.neo4j, logger);
  const preparations: Preparation[] = config.seedOnEmpty ? [(ex) => seedIfEmpty(ex, logger)] : [];
  const database = new DatabaseState(executor, logger, preparations);
  const tokens = new TokenStore(config.auth.tokensFile, config.auth.tokensJson);

  const parsedDocuments = new ParsedDocuments();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    // A backstop for callers that skip the HTTP guards (executeOperation): the parser stops here.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Without introspection, "Did you mean ...?" would still spell out the schema field by field.
    hideSchemaDetailsFromClientErrors: !config.introspection,
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
      queryLimitsPlugin(config.limits, { hideSuggestions: !config.introspection }),
      responseLimitsPlugin(config.limits),
      rememberParsedDocuments(parsedDocuments),
      requestLogPlugin(logger),
      // Apollo's landing page loads Sandbox from a CDN; /playground is served from here.
      ApolloServerPluginLandingPageDisabled(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
  });
  await apollo.start();

  const createContext = (options: ContextOptions = {}): RequestContext => {
    const context: RequestContext = { executor, loaders: createLoaders(executor), config, tokens, principal: options.principal ?? null, authFailure: null };
    const token = bearerTokenOf(options.authorization);
    if (token !== undefined) {
      // The token itself is never logged or echoed back.
      const principal = tokens.authenticate(token);
      if (principal) context.principal = principal;
      else context.authFailure = INVALID_TOKEN;
    }
    return context;
  };
  const http = express();
  http.disable('x-powered-by');
  if (config.rateLimit.trustProxy !== false) http.set('trust proxy', trustProxyValue(config.rateLimit.trustProxy));
  http.use(healthRoutes(database));
  http.use('/export', rateLimiter(config.rateLimit, tokens, 'rest'), readAccessMiddleware(tokens, config.auth.readsRequireToken));
  http.use(exportRoutes(executor, logger));
  http.use(webRoutes(logger));
  // Cheapest refusals first: rate limit, token, then the body and document (src/graph/http-guards.ts).
  http.use(
    '/graphql',
    rateLimiter(config.rateLimit, tokens, 'graphql'),
    refuseInvalidToken(tokens, INVALID_TOKEN),
    ...graphqlBodyGuards(config.limits),
    expressMiddleware(apollo, { context: async ({ req }) => createContext({ authorization: req.headers.authorization }) }),
  );
  http.use(notFound);
  http.use(lastResortErrorHandler((error) => logger.error('unexpected HTTP error', { error: error instanceof Error ? error.message : String(error) })));

  database.watch();

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
      database.stop();
      await apollo.stop();
      await executor.close();
    },
  };
}

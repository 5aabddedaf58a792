/**
 * GraphQL subscriptions over WebSocket, with graphql-ws (the protocol GraphiQL and Apollo
 * clients speak), on the same path as queries: ws://host/graphql. Only subscriptions run
 * here; queries and mutations go over HTTP POST, where every limit and plugin applies.
 *
 * Auth is the one queries get: the bearer token comes from the connection_init payload
 * (`{"authorization": "Bearer ngt_..."}`) or the upgrade request's Authorization header; a
 * token that does not verify is refused, and with READS_REQUIRE_TOKEN so is a connection
 * without one. A token revoked or expired while subscribed ends its subscriptions (re-checked
 * at most every REAUTHORIZE_MS, when there is something to deliver).
 *
 * Every subscribe message passes the limits an HTTP request passes, in the same order,
 * cheapest first, with the same codes: the rate limit (the /graphql budget of its token or
 * address), the token, the message's JSON nesting and the document's bytes, tokens, fragments
 * and bracket nesting, all before it is parsed; then parse and validation; then the operation's
 * expanded size, depth, variables and cost (src/graph/limits.ts).
 */
import type { IncomingMessage, Server } from 'node:http';

import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import { describeAuthFailure, requireRole } from '../auth/access.js';
import { bearerTokenOf, type Principal } from '../auth/token.js';
import type { TokenStore } from '../auth/token-store.js';
import type { AppConfig } from '../config/config.js';
import { AppError, ErrorCode, normalizeError } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { checkDocument, operationLimitsCheck, withoutSuggestions } from './limits.js';
import { nestsDeeperThan } from './json-depth.js';
import type { Logger } from '../logging/logger.js';
import type { ChangeFeed } from '../subscriptions/change-feed.js';
import { createRequestReads } from './request-reads.js';

const REAUTHORIZE_MS = 10_000;
/** A subscription document is small; a larger message is refused by the socket. */
const MAX_MESSAGE_BYTES = 64 * 1024;

interface Connection {
  principal: Principal | null;
  authFailure: string | null;
  token: string | undefined;
  /** The client's address, as the HTTP rate limit sees it (behind TRUST_PROXY, from X-Forwarded-For). */
  address: string | undefined;
}

export interface SubscriptionServerDeps {
  schema: GraphQLSchema;
  config: AppConfig;
  tokens: TokenStore;
  feed: ChangeFeed;
  logger: Logger;
  createContext(options: { principal: Principal | null; longLived: boolean }): RequestContext;
  /** The address a request comes from, as the HTTP routes see it (src/graph/rate-limit.ts, clientAddressOf). */
  addressOf(request: IncomingMessage): string | undefined;
  /** Counts one operation in its client's /graphql budget; the refusal once it is spent (src/graph/rate-limit.ts). */
  rateLimit(principal: Principal | null, address: string | undefined): Promise<AppError | undefined>;
}

/** A validated subscription, or the errors that refuse it. */
type Admission = { document: DocumentNode } | readonly GraphQLError[];

/** graphql-js's parse and validation errors, with the codes Apollo gives them over HTTP. */
function withCode(error: GraphQLError, code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED', hideSuggestions: boolean): GraphQLError {
  const message = hideSuggestions ? withoutSuggestions(error.message) : error.message;
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}

/**
 * Decides whether a subscribe message may run, cheapest check first (see the file comment).
 * Returns the first refusal, as the errors graphql-ws sends back.
 */
async function admit(
  deps: SubscriptionServerDeps,
  checkLimits: ReturnType<typeof operationLimitsCheck>,
  connection: Connection,
  payload: SubscribePayload,
): Promise<Admission> {
  const { config, schema } = deps;
  const hideSuggestions = !config.introspection;
  const limited = await deps.rateLimit(connection.principal, connection.address);
  if (limited) return [limited];
  if (connection.authFailure) return [new AppError(ErrorCode.UNAUTHENTICATED, connection.authFailure)];
  try {
    if (config.auth.readsRequireToken) requireRole({ principal: connection.principal }, 'reader');
  } catch (error) {
    return [error as GraphQLError];
  }
  if (nestsDeeperThan(payload, config.limits.maxJsonDepth)) {
    return [
      new AppError(ErrorCode.BAD_USER_INPUT, `The subscribe message nests JSON more than ${config.limits.maxJsonDepth} levels deep, the limit.`, {
        limit: 'jsonDepth',
        maximum: config.limits.maxJsonDepth,
      }),
    ];
  }
  const refusal = checkDocument(payload.query, config.limits);
  if (refusal) return [refusal];
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: config.limits.maxTokens });
  } catch (error) {
    return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED', hideSuggestions)];
  }
  const problems = validate(schema, document);
  if (problems.length > 0) return problems.map((problem) => withCode(problem, 'GRAPHQL_VALIDATION_FAILED', hideSuggestions));
  const operation = getOperationAST(document, payload.operationName);
  if (operation?.operation !== 'subscription') {
    return [new AppError(ErrorCode.BAD_USER_INPUT, 'Over WebSocket only subscriptions run; send queries and mutations with POST /graphql.')];
  }
  try {
    checkLimits({ document, schema, operation, operationName: payload.operationName, variables: payload.variables ?? undefined });
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return { document };
}

export function attachSubscriptionServer(httpServer: Server, deps: SubscriptionServerDeps): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const connections = new WeakMap<object, Connection>();
  // One checker for the server's life: it remembers what it measured per parsed document.
  const checkLimits = operationLimitsCheck(deps.config.limits, { hideSuggestions: !deps.config.introspection });

  const disposable = useServer(
    {
      // The messages thrown here are written for clients; in production mode (which `npm start`
      // sets) graphql-ws would replace each with "Internal server error".
      isProd: false,
      schema: deps.schema,
      async onConnect(ctx) {
        const fromParams = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        const header = typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
        const token = bearerTokenOf(header);
        const connection: Connection = { principal: null, authFailure: null, token, address: deps.addressOf(ctx.extra.request) };
        if (token !== undefined) {
          // Thrown errors close the socket with their message as the reason: say only what a client may read.
          const result = await deps.tokens.authenticate(token).catch(() => {
            throw new Error('The database is unavailable right now; try again shortly.');
          });
          if ('principal' in result) connection.principal = result.principal;
          else connection.authFailure = describeAuthFailure(result);
        }
        connections.set(ctx, connection);
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        const connection = connections.get(ctx);
        if (!connection) return [new AppError(ErrorCode.UNAUTHENTICATED, 'The connection was not initialised.')];
        const admission = await admit(deps, checkLimits, connection, payload);
        if (!('document' in admission)) return admission;
        const contextValue = deps.createContext({ principal: connection.principal, longLived: true });
        contextValue.changes = deps.feed;
        contextValue.freshReads = () => createRequestReads(contextValue.executor);
        if (connection.token !== undefined) contextValue.reauthorize = reauthorizer(deps.tokens, connection.token);
        return {
          schema: deps.schema,
          document: admission.document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
        };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => formatted(error, deps.config.development));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map((error) => formatted(error, deps.config.development)) };
      },
    },
    wss,
  );

  return {
    async close() {
      // 1001 Going Away: clients (graphql-ws retries) reconnect, to this replica or another.
      for (const socket of wss.clients) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
    },
  };
}

/** An error as a client reads it: normalised, and without `http` (the status an HTTP answer would have; there is none here). */
function formatted(error: GraphQLError, development: boolean): ReturnType<typeof normalizeError> {
  const normalized = normalizeError(error.toJSON(), error, development);
  if (!normalized.extensions || !('http' in normalized.extensions)) return normalized;
  const { http: _http, ...extensions } = normalized.extensions;
  return { ...normalized, extensions };
}

/** Re-checks a token, at most every REAUTHORIZE_MS; throws UNAUTHENTICATED once it is revoked or expired. */
function reauthorizer(tokens: TokenStore, token: string): () => Promise<void> {
  let checkedAt = Date.now();
  return async () => {
    if (Date.now() - checkedAt < REAUTHORIZE_MS) return;
    const result = await tokens.authenticate(token);
    if (!('principal' in result)) throw new AppError(ErrorCode.UNAUTHENTICATED, describeAuthFailure(result));
    checkedAt = Date.now();
  };
}

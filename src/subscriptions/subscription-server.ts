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
 */
import type { Server } from 'node:http';

import { type DocumentNode, type GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import { describeAuthFailure, requireRole } from '../auth/access.js';
import { bearerTokenOf, type Principal } from '../auth/token.js';
import type { TokenStore } from '../auth/token-store.js';
import type { AppConfig } from '../config/config.js';
import { AppError, ErrorCode, normalizeError } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import { operationDepth } from '../graph/limits.js';
import type { Logger } from '../logging/logger.js';
import type { ChangeFeed } from './change-feed.js';

const REAUTHORIZE_MS = 10_000;
/** A subscription document is small; a larger message is refused by the socket. */
const MAX_MESSAGE_BYTES = 64 * 1024;

interface Connection {
  principal: Principal | null;
  authFailure: string | null;
  token: string | undefined;
}

export interface SubscriptionServerDeps {
  schema: GraphQLSchema;
  config: AppConfig;
  tokens: TokenStore;
  feed: ChangeFeed;
  logger: Logger;
  createContext(options: { principal: Principal | null; longLived: boolean }): RequestContext;
}

export function attachSubscriptionServer(httpServer: Server, deps: SubscriptionServerDeps): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const connections = new WeakMap<object, Connection>();

  const refuse = (code: ErrorCode, message: string): readonly GraphQLError[] => [new AppError(code, message)];

  const disposable = useServer(
    {
      schema: deps.schema,
      async onConnect(ctx) {
        const fromParams = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
        const header = typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
        const token = bearerTokenOf(header);
        const connection: Connection = { principal: null, authFailure: null, token };
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
        if (!connection) return refuse(ErrorCode.UNAUTHENTICATED, 'The connection was not initialised.');
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const problems = validate(deps.schema, document);
        if (problems.length > 0) return problems;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return refuse(ErrorCode.BAD_USER_INPUT, 'Over WebSocket only subscriptions run; send queries and mutations with POST /graphql.');
        }
        if (connection.authFailure) return refuse(ErrorCode.UNAUTHENTICATED, connection.authFailure);
        if (deps.config.auth.readsRequireToken) {
          try {
            requireRole({ principal: connection.principal }, 'reader');
          } catch (error) {
            return [error as GraphQLError];
          }
        }
        const depth = operationDepth(document, payload.operationName);
        if (depth > deps.config.limits.maxDepth) {
          return refuse(
            ErrorCode.QUERY_TOO_COMPLEX,
            `Query depth ${depth} exceeds the depth limit of ${deps.config.limits.maxDepth} by ${depth - deps.config.limits.maxDepth}.`,
          );
        }
        const contextValue = deps.createContext({ principal: connection.principal, longLived: true });
        contextValue.changes = deps.feed;
        if (connection.token !== undefined) contextValue.reauthorize = reauthorizer(deps.tokens, connection.token);
        return {
          schema: deps.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
        };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => normalizeError(error.toJSON(), error, deps.config.development));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map((error) => normalizeError(error.toJSON(), error, deps.config.development)) };
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

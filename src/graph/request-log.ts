import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';

import type { Logger } from '../logging/logger.js';

export interface LoggedRequest {
  /** The operation's own name (null when anonymous). */
  operationName: string | null | undefined;
  operation: OperationDefinitionNode | undefined;
  errors: ReadonlyArray<{ extensions?: Record<string, unknown> | undefined }> | undefined;
  /** performance.now() when the request started. */
  started: number;
}

/** One log line per GraphQL request: operation, duration, outcome and error codes. */
export function logGraphQLRequest(logger: Logger, { operationName, operation, errors, started }: LoggedRequest): void {
  const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR')))];
  logger.info('graphql request', {
    operation: operationName ?? '(anonymous)',
    type: operation?.operation ?? 'unknown',
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    outcome: codes.length === 0 ? 'ok' : 'error',
    ...(codes.length > 0 ? { errorCodes: codes } : {}),
  });
}

/** The log line of every request through Apollo (the fast path's prepared queries log their own, alike). */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, operation }) {
          logGraphQLRequest(logger, { operationName, operation, errors, started });
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';

import type { Logger } from '../logging/logger.js';

/** One log line per GraphQL request: operation, duration, outcome and error codes. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, operation }) {
          const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR')))];
          logger.info('graphql request', {
            operation: operationName ?? '(anonymous)',
            type: operation?.operation ?? 'unknown',
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            outcome: codes.length === 0 ? 'ok' : 'error',
            ...(codes.length > 0 ? { errorCodes: codes } : {}),
          });
        },
      };
    },
  };
}

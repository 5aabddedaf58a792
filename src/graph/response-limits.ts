/**
 * Bounds on what one request may cost once it runs, and the HTTP status of what it answers:
 *
 * - Response size: every field value resolved is counted, with a running estimate of its
 *   serialized bytes (src/graph/response-budget.ts, charged by every field resolver); past
 *   either bound the request stops resolving and answers RESULT_TOO_LARGE, instead of
 *   building an answer that exhausts the heap.
 * - Wall time: a query field that starts after the request's deadline fails, and the request
 *   answers QUERY_TIMEOUT (504). A database query already running is bounded by the
 *   transaction timeout (NEO4J_TRANSACTION_TIMEOUT_MS), which also bounds each write.
 * - Status: a request that produced no data and failed because the database is unavailable
 *   or too slow answers 503 (with Retry-After) or 504 rather than 200, as GraphQL over HTTP
 *   allows; clients and load balancers then see the failure without reading the body.
 *
 * A query's partial answer is replaced by the one error; a mutation's is kept, since its
 * writes before the bound have happened and the client must learn which.
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

import type { RequestLimits } from '../config/config.js';
import { type AppError, ErrorCode, httpStatusOf } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { ResponseBudget } from './response-budget.js';

export type ResponseLimits = Pick<RequestLimits, 'maxResponseFields' | 'maxResponseBytes' | 'requestTimeoutMs'>;

/** Seconds a client should wait before retrying when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

function noData(data: Record<string, unknown> | null | undefined): boolean {
  return data === null || data === undefined || Object.values(data).every((value) => value === null);
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): Set<unknown> {
  return new Set((errors ?? []).map((error) => error.extensions?.['code']));
}

function replaceWithError(context: GraphQLRequestContextWillSendResponse<RequestContext>, error: AppError | GraphQLFormattedError): void {
  const { http: _http, ...extensions } = error.extensions ?? {};
  context.response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions }] } };
  context.response.http.status = httpStatusOf(extensions['code'] as ErrorCode);
}

/**
 * The request's wall-time bound, when a read noticed it first: the request's reader checks the
 * same deadline before each query (src/db/executor.ts), and the field that waited on it fails
 * before the next field charges the budget.
 */
function pastDeadline(errors: readonly GraphQLFormattedError[] | undefined): GraphQLFormattedError | undefined {
  return errors?.find((error) => error.extensions?.['code'] === ErrorCode.QUERY_TIMEOUT && error.extensions?.['limit'] === 'requestTimeoutMs');
}

export function responseLimitsPlugin(limits: ResponseLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const deadline = Date.now() + limits.requestTimeoutMs;
      let budget: ResponseBudget | undefined;
      return {
        async executionDidStart({ operation, contextValue }) {
          // A mutation's writes commit field by field: past a deadline, failing the fields that
          // report them would hide writes that happened. Its transactions have their own timeout.
          // A query the fast path executed ahead (src/graph/prepared-queries.ts) brings the budget its fields charged.
          budget =
            contextValue.executedAhead && contextValue.responseBudget
              ? contextValue.responseBudget
              : new ResponseBudget(limits, operation?.operation === 'mutation' ? null : deadline);
          // Charged by every field resolver (src/graph/response-budget.ts).
          contextValue.responseBudget = budget;
        },
        async willSendResponse(context) {
          const { body, http } = context.response;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
          const refusal = budget?.refusal ?? pastDeadline(result.errors);
          if (refusal && context.operation?.operation !== 'mutation') {
            replaceWithError(context, refusal);
            return;
          }
          if (!noData(result.data) || !result.errors?.length) return;
          const codes = codesOf(result.errors);
          if (codes.has(ErrorCode.DATABASE_UNAVAILABLE)) {
            http.status = httpStatusOf(ErrorCode.DATABASE_UNAVAILABLE);
            http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          } else if (codes.has(ErrorCode.QUERY_TIMEOUT)) {
            http.status = httpStatusOf(ErrorCode.QUERY_TIMEOUT);
          }
        },
      };
    },
  };
}

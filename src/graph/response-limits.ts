/**
 * Bounds on what one request may cost once it runs, and the HTTP status of what it answers:
 *
 * - Response size: every field value resolved is counted, with a running estimate of its
 *   serialized bytes; past either bound the request stops resolving and answers
 *   RESULT_TOO_LARGE, instead of building an answer that exhausts the heap.
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
import { AppError, ErrorCode, httpStatusOf } from '../errors/errors.js';

export type ResponseLimits = Pick<RequestLimits, 'maxResponseFields' | 'maxResponseBytes' | 'requestTimeoutMs'>;

/** Seconds a client should wait before retrying when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** Approximate JSON bytes of a resolved value, counting only leaves (children count themselves). */
function leafBytes(value: unknown): number {
  if (typeof value === 'string') return value.length + 3;
  if (value === null || value === undefined) return 5;
  if (typeof value === 'object') return 3;
  return 8;
}

function noData(data: Record<string, unknown> | null | undefined): boolean {
  return data === null || data === undefined || Object.values(data).every((value) => value === null);
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): Set<unknown> {
  return new Set((errors ?? []).map((error) => error.extensions?.['code']));
}

function replaceWithError(context: GraphQLRequestContextWillSendResponse<object>, error: AppError): void {
  const { http: _http, ...extensions } = error.extensions;
  context.response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions }] } };
  context.response.http.status = httpStatusOf(error.code);
}

export function responseLimitsPlugin(limits: ResponseLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const deadline = Date.now() + limits.requestTimeoutMs;
      let fields = 0;
      let bytes = 0;
      let refusal: AppError | undefined;
      return {
        async executionDidStart({ operation }) {
          // A mutation's writes commit field by field: past a deadline, failing the fields that
          // report them would hide writes that happened. Its transactions have their own timeout.
          const timed = operation?.operation !== 'mutation';
          return {
            willResolveField({ info }) {
              if (refusal) throw refusal;
              fields += 1;
              bytes += info.fieldName.length + 3;
              if (timed && Date.now() > deadline) {
                refusal = new AppError(ErrorCode.QUERY_TIMEOUT, `The request took longer than the ${limits.requestTimeoutMs} ms limit and was stopped.`, {
                  limit: 'requestTimeoutMs',
                  maximum: limits.requestTimeoutMs,
                });
              } else if (fields > limits.maxResponseFields || bytes > limits.maxResponseBytes) {
                const [limit, maximum] =
                  fields > limits.maxResponseFields ? ['responseFields', limits.maxResponseFields] : ['responseBytes', limits.maxResponseBytes];
                refusal = new AppError(
                  ErrorCode.RESULT_TOO_LARGE,
                  `The answer would hold more than ${maximum} ${limit === 'responseFields' ? 'field values' : 'bytes'}, the limit; ask for less (smaller pages, fewer fields) or use the exports under /export.`,
                  { limit, maximum },
                );
              }
              if (refusal) throw refusal;
              return (_error, result) => {
                bytes += leafBytes(result);
              };
            },
          };
        },
        async willSendResponse(context) {
          const { body, http } = context.response;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
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

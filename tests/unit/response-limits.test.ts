import type { GraphQLRequestContextExecutionDidStart, GraphQLRequestListener } from '@apollo/server';
import { graphql, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';

import { boundFieldResolvers, ResponseBudget } from '../../src/graph/response-budget.js';
import { responseLimitsPlugin } from '../../src/graph/response-limits.js';
import type { RequestContext } from '../../src/request/context.js';

/** Starts a request and its execution for an operation of the given kind; returns the budget it set on the context. */
async function startExecution(kind: 'query' | 'mutation', limits = { maxResponseFields: 1_000, maxResponseBytes: 1_000_000, requestTimeoutMs: 1 }) {
  const listener = (await responseLimitsPlugin(limits).requestDidStart?.({} as never)) as GraphQLRequestListener<RequestContext>;
  await new Promise((resolve) => setTimeout(resolve, 5)); // past the 1 ms deadline
  const contextValue = {} as RequestContext;
  await listener.executionDidStart?.({ operation: { operation: kind }, contextValue } as GraphQLRequestContextExecutionDidStart<RequestContext>);
  return (fieldName: string) => contextValue.responseBudget?.enter(fieldName, 0);
}

describe('responseLimitsPlugin', () => {
  it('stops a query that runs past its deadline with QUERY_TIMEOUT', async () => {
    const resolveField = await startExecution('query');
    expect(() => resolveField('actors')).toThrow(expect.objectContaining({ code: 'QUERY_TIMEOUT' }));
  });

  it('lets a mutation past the deadline report its writes (they happened)', async () => {
    const resolveField = await startExecution('mutation');
    expect(() => resolveField('importDataset')).not.toThrow();
  });

  it('answers a query that a read found past its deadline with that one error, no partial data, 504', async () => {
    // The request's reader checks the same deadline before each query; the field that waited on
    // it fails before any other field charges the budget, so the budget itself never refused.
    const listener = (await responseLimitsPlugin({ maxResponseFields: 1_000, maxResponseBytes: 1_000_000, requestTimeoutMs: 60_000 }).requestDidStart?.(
      {} as never,
    )) as GraphQLRequestListener<RequestContext>;
    await listener.executionDidStart?.({ operation: { operation: 'query' }, contextValue: {} } as GraphQLRequestContextExecutionDidStart<RequestContext>);
    const timeout = {
      message: 'The request took longer than the 1 ms limit and was stopped.',
      path: ['actors'],
      extensions: { code: 'QUERY_TIMEOUT', limit: 'requestTimeoutMs', maximum: 1 },
    };
    const response = { body: { kind: 'single', singleResult: { data: null, errors: [timeout] } }, http: { status: undefined, headers: new Map() } };
    await listener.willSendResponse?.({ operation: { operation: 'query' }, response } as never);
    expect(response.body.singleResult).toEqual({ errors: [{ message: timeout.message, extensions: timeout.extensions }] });
    expect(response.http.status).toBe(504);
    // Neo4j's own transaction timeout is not the request's bound: that answer is left as it is.
    const transaction = { message: 'The query took too long.', extensions: { code: 'QUERY_TIMEOUT' } };
    const partial = {
      body: { kind: 'single', singleResult: { data: { a: 1, b: null }, errors: [transaction] } },
      http: { status: undefined, headers: new Map() },
    };
    await listener.willSendResponse?.({ operation: { operation: 'query' }, response: partial } as never);
    expect(partial.body.singleResult.data).toEqual({ a: 1, b: null });
  });

  it('stops at the field-count bound with RESULT_TOO_LARGE, for the rest of the request too', async () => {
    const resolveField = await startExecution('query', { maxResponseFields: 2, maxResponseBytes: 1_000_000, requestTimeoutMs: 60_000 });
    resolveField('a');
    resolveField('b');
    expect(() => resolveField('c')).toThrow(expect.objectContaining({ code: 'RESULT_TOO_LARGE' }));
    expect(() => resolveField('d')).toThrow(expect.objectContaining({ code: 'RESULT_TOO_LARGE' }));
  });
});

describe('boundFieldResolvers', () => {
  const item = new GraphQLObjectType({ name: 'Item', fields: { text: { type: GraphQLString }, size: { type: GraphQLInt, resolve: async () => 3 } } });
  const schema = boundFieldResolvers(
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { items: { type: new GraphQLList(item), resolve: () => Array.from({ length: 10 }, () => ({ text: 'x'.repeat(100) })) } },
      }),
    }),
  );
  const run = (budget?: ResponseBudget) => graphql({ schema, source: '{ items { text size } }', contextValue: { responseBudget: budget } });

  it('charges every field, leaves by their size, and stops past the byte bound', async () => {
    const roomy = await run(new ResponseBudget({ maxResponseFields: 100, maxResponseBytes: 100_000, requestTimeoutMs: 60_000 }, null));
    expect(roomy.errors).toBeUndefined();
    // 10 items of 100 characters: past 500 bytes, a field fails with RESULT_TOO_LARGE.
    const tight = new ResponseBudget({ maxResponseFields: 100, maxResponseBytes: 500, requestTimeoutMs: 60_000 }, null);
    const stopped = await run(tight);
    expect(tight.refusal?.code).toBe('RESULT_TOO_LARGE');
    expect(stopped.errors?.[0]?.message).toMatch(/more than 500 bytes/);
  });

  it('counts the fields of a list, and resolves as before without a budget', async () => {
    const counted = new ResponseBudget({ maxResponseFields: 20, maxResponseBytes: 100_000, requestTimeoutMs: 60_000 }, null);
    await run(counted);
    // 1 list + 10 × 2 fields = 21 values: one too many.
    expect(counted.refusal?.code).toBe('RESULT_TOO_LARGE');
    const free = await run();
    expect(free.errors).toBeUndefined();
    expect((free.data as { items: unknown[] }).items).toHaveLength(10);
  });
});

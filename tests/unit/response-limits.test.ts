import type { GraphQLRequestContextExecutionDidStart, GraphQLRequestListener } from '@apollo/server';
import { describe, expect, it } from 'vitest';

import { responseLimitsPlugin } from '../../src/graph/response-limits.js';

/** Starts a request and its execution for an operation of the given kind; returns the field hook. */
async function startExecution(kind: 'query' | 'mutation', limits = { maxResponseFields: 1_000, maxResponseBytes: 1_000_000, requestTimeoutMs: 1 }) {
  const listener = (await responseLimitsPlugin(limits).requestDidStart?.({} as never)) as GraphQLRequestListener<object>;
  await new Promise((resolve) => setTimeout(resolve, 5)); // past the 1 ms deadline
  const execution = await listener.executionDidStart?.({ operation: { operation: kind } } as GraphQLRequestContextExecutionDidStart<object>);
  return (fieldName: string) => execution?.willResolveField?.({ info: { fieldName } } as never);
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

  it('stops at the field-count bound with RESULT_TOO_LARGE, for the rest of the request too', async () => {
    const resolveField = await startExecution('query', { maxResponseFields: 2, maxResponseBytes: 1_000_000, requestTimeoutMs: 60_000 });
    resolveField('a');
    resolveField('b');
    expect(() => resolveField('c')).toThrow(expect.objectContaining({ code: 'RESULT_TOO_LARGE' }));
    expect(() => resolveField('d')).toThrow(expect.objectContaining({ code: 'RESULT_TOO_LARGE' }));
  });
});

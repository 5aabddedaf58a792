/**
 * Round trips to Neo4j per request must not grow with the number of items returned: every
 * relationship field is batched per request, and all of a request's reads share one read
 * transaction. Counted with the executor's query and transaction listeners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { createTestApp, query } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

// Nested pages of 10 keep the widest case (25 actors) inside the cost limit.
const NESTED = `query ($limit: Int) {
  actors(page: { limit: $limit }) {
    items {
      name
      memberOf { group { name } }
      attended { role meeting { title } }
      proposed(page: { limit: 10 }) { position { title documents(page: { limit: 5 }) { title } } meeting { title } evidence { quote source { publisher } } }
      rejected(page: { limit: 10 }) { position { title } sources { publisher } }
      agreedTo(page: { limit: 10 }) { position { title } }
    }
  }
}`;

async function countQueries(limit: number): Promise<{ queries: number; transactions: number; actors: number }> {
  let queries = 0;
  let transactions = 0;
  const stopQueries = app.executor.onQuery(() => (queries += 1));
  const stopTransactions = app.executor.onTransaction(() => (transactions += 1));
  try {
    const data = await query(app, NESTED, { limit });
    return { queries, transactions, actors: data.actors.items.length };
  } finally {
    stopQueries();
    stopTransactions();
  }
}

describe('round trips per request', () => {
  // An N+1 pattern would send at least one query per actor; batching sends the list and its
  // count, then one query per relationship the request touches (memberships, groups,
  // attendance, meetings, stances, positions, documents, sources): a constant well under the
  // item count.
  const BOUND = 13;

  it.each([2, 15, 25])('stay within a constant for %i actors', async (limit) => {
    const { queries, transactions, actors } = await countQueries(limit);
    expect(actors).toBe(limit);
    expect(queries).toBeLessThanOrEqual(BOUND);
    expect(transactions).toBe(1);
  });
});

describe('round trips for the relations (targets, involvement)', () => {
  const RELATIONS = `query ($limit: Int) {
    stances(page: { limit: $limit }) { items { targets { actor { name } sources { publisher } } position { involves { role actor { name } } } } }
    actors(page: { limit: $limit }) { items { involvedIn { position { title } } targetedBy { id } } }
  }`;

  it.each([5, 25])('do not grow with the %i items asked for', async (limit) => {
    let queries = 0;
    const stop = app.executor.onQuery(() => (queries += 1));
    try {
      await query(app, RELATIONS, { limit });
    } finally {
      stop();
    }
    // Two lists, each a top-N page and its count, then one query per relation: targets, their
    // actors, sources, positions, involvement, involved actors, involvedIn, its positions,
    // targetedBy.
    expect(queries).toBeLessThanOrEqual(13);
  });
});

/**
 * Round trips to Neo4j per request must not grow with the number of items returned: every
 * relationship field is batched per request, and a request's reads reuse a few sessions
 * (connections) rather than one each. Counted with the executor's query listener and on the
 * driver's sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { type SessionCounts, watchSessions } from '../helpers/sessions.js';
import { createTestApp, query } from '../helpers/test-app.js';

let app: App;
let sessions: SessionCounts;
beforeAll(async () => {
  app = await createTestApp();
  sessions = watchSessions(app);
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

async function countQueries(limit: number): Promise<{ queries: number; sessions: number; actors: number }> {
  let queries = 0;
  const stopQueries = app.executor.onQuery(() => (queries += 1));
  sessions.reset();
  try {
    const data = await query(app, NESTED, { limit });
    return { queries, sessions: sessions.opened, actors: data.actors.items.length };
  } finally {
    stopQueries();
  }
}

describe('round trips per request', () => {
  // An N+1 pattern would send at least one query per actor; batching sends the list and its
  // count, then one query per relationship the request touches (memberships, groups,
  // attendance, meetings, stances, positions, documents, sources): a constant well under the
  // item count.
  const BOUND = 13;

  it.each([2, 15, 25])('stay within a constant for %i actors', async (limit) => {
    const { queries, sessions, actors } = await countQueries(limit);
    expect(actors).toBe(limit);
    expect(queries).toBeLessThanOrEqual(BOUND);
    // Queries of one stage run side by side, each stage reusing the sessions of the last:
    // fewer sessions than queries, and the same number whatever the page size.
    expect(sessions).toBeLessThan(queries);
    expect(sessions).toBe((await countQueries(2)).sessions);
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
    // Two lists (the stance table: its page and its count; actors: page and count in one
    // query), then one query per relation: targets, their actors, sources, positions,
    // involvement, involved actors, involvedIn, its positions, targetedBy.
    expect(queries).toBeLessThanOrEqual(12);
  });
});

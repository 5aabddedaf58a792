/**
 * One request cannot take the whole connection pool (issue #9, defect 6: 100 aliased fields
 * held all 100 pooled connections and other clients failed): its database transactions run
 * at most GRAPHQL_MAX_PARALLEL_QUERIES at a time. Counted on the real driver's sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { type SessionCounts, watchSessions } from '../helpers/sessions.js';
import { createTestApp, execute } from '../helpers/test-app.js';

let app: App;
let sessions: SessionCounts;

beforeAll(async () => {
  app = await createTestApp({ GRAPHQL_MAX_PARALLEL_QUERIES: '4' });
  sessions = watchSessions(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('queued database work and the request wall time', () => {
  it('starts no queued transaction once the request is out of time: QUERY_TIMEOUT, not a long wait', async () => {
    const slow = await createTestApp({ GRAPHQL_MAX_PARALLEL_QUERIES: '1', GRAPHQL_REQUEST_TIMEOUT_MS: '150' });
    try {
      let queries = 0;
      const stop = slow.executor.onQuery(() => (queries += 1));
      const aliases = Array.from({ length: 200 }, (_, i) => `s${i}: search(text: "ceasefire", limit: 1) { __typename }`).join(' ');
      const result = await execute(slow, `{ ${aliases} }`);
      stop();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('QUERY_TIMEOUT');
      expect(result.errors?.[0]?.message).toContain('150 ms');
      // Queued searches after the deadline never reached the database.
      expect(queries).toBeLessThan(200);
    } finally {
      await slow.stop();
    }
  });
});

describe('parallel database work per request', () => {
  it('runs 60 aliased searches at most 4 at a time, and answers every one', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `s${i}: search(text: "ceasefire", limit: 1) { __typename }`).join(' ');
    sessions.reset();
    const result = await execute(app, `{ ${aliases} }`);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toHaveLength(60);
    expect(sessions.mostOpen).toBeGreaterThan(1);
    expect(sessions.mostOpen).toBeLessThanOrEqual(4);
  });

  it('bounds each request on its own: two requests together may use twice as many', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `s${i}: search(text: "prisoners", limit: 1) { __typename }`).join(' ');
    sessions.reset();
    const results = await Promise.all([execute(app, `{ ${aliases} }`), execute(app, `{ ${aliases} }`)]);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(sessions.mostOpen).toBeLessThanOrEqual(8);
  });
});

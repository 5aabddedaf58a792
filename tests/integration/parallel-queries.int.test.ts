/**
 * One request cannot take the whole connection pool (issue #9, defect 6: 100 aliased fields
 * held all 100 pooled connections and other clients failed): its database transactions run
 * at most GRAPHQL_MAX_PARALLEL_QUERIES at a time. Counted on the real driver's sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { createTestApp, execute } from '../helpers/test-app.js';

let app: App;
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  app = await createTestApp({ GRAPHQL_MAX_PARALLEL_QUERIES: '4' });
  // Observe (not replace) the driver: count sessions open at the same time.
  const driver = (app.executor as unknown as { driver: { session: (...args: unknown[]) => { close: () => Promise<void> } } }).driver;
  const openSession = driver.session.bind(driver);
  driver.session = (...args: unknown[]) => {
    const session = openSession(...args);
    open++;
    mostOpen = Math.max(mostOpen, open);
    const close = session.close.bind(session);
    session.close = async () => {
      open--;
      return close();
    };
    return session;
  };
});

afterAll(async () => {
  await app?.stop();
});

describe('parallel database work per request', () => {
  it('runs 60 aliased searches at most 4 at a time, and answers every one', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `s${i}: search(text: "ceasefire", limit: 1) { __typename }`).join(' ');
    mostOpen = 0;
    const result = await execute(app, `{ ${aliases} }`);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toHaveLength(60);
    expect(mostOpen).toBeGreaterThan(1);
    expect(mostOpen).toBeLessThanOrEqual(4);
  });

  it('bounds each request on its own: two requests together may use twice as many', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `s${i}: search(text: "prisoners", limit: 1) { __typename }`).join(' ');
    mostOpen = 0;
    const results = await Promise.all([execute(app, `{ ${aliases} }`), execute(app, `{ ${aliases} }`)]);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(mostOpen).toBeLessThanOrEqual(8);
  });
});

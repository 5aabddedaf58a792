/**
 * Every list that can grow with the data is bounded (issue 9, defect 2): nested lists take a
 * `page`, are cut in the database, refuse pages over the maximum, and the cost limit prices
 * them from the page they are really cut at. And one request's reads reuse at most its
 * parallel bound of sessions, so 100 aliased fields cannot take the connection pool from
 * other clients (defect 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { type SessionCounts, watchSessions } from '../helpers/sessions.js';
import { createTestApp, execute, query } from '../helpers/test-app.js';

let app: App;
let sessions: SessionCounts;
beforeAll(async () => {
  app = await createTestApp();
  sessions = watchSessions(app);
});
afterAll(async () => {
  await app.stop();
});

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe('nested lists are paged', () => {
  it("pages an actor's stances in the database, in the same order as the whole list", async () => {
    const data = await query(
      app,
      `{ actor(id: "actor:russia") {
          all: proposed(page: { limit: 200 }) { id }
          first: proposed(page: { limit: 5 }) { id }
          second: proposed(page: { limit: 5, offset: 5 }) { id }
          byDefault: proposed { id }
      } }`,
    );
    const all = ids(data.actor.all);
    expect(all.length).toBeGreaterThan(10);
    expect(ids(data.actor.first)).toEqual(all.slice(0, 5));
    expect(ids(data.actor.second)).toEqual(all.slice(5, 10));
    expect(ids(data.actor.byDefault)).toEqual(all.slice(0, 25));
  });

  it("pages a meeting's stances (default 50) and its attendance, filters included", async () => {
    const data = await query(
      app,
      `{ meeting(id: "meeting:istanbul-2025-06-02") {
          all: stances { id kind }
          firstTen: stances(page: { limit: 10 }) { id }
          agreed: stances(kind: AGREED_TO, page: { limit: 3 }) { kind }
          attendance(page: { limit: 2 }) { role }
      } }`,
    );
    expect(data.meeting.all.length).toBeGreaterThan(25);
    expect(ids(data.meeting.firstTen)).toEqual(ids(data.meeting.all).slice(0, 10));
    expect(data.meeting.agreed).toEqual([{ kind: 'AGREED_TO' }, { kind: 'AGREED_TO' }, { kind: 'AGREED_TO' }]);
    expect(data.meeting.attendance).toHaveLength(2);
  });

  it('pages the lists of a position, a group and the analyses', async () => {
    const data = await query(
      app,
      `{ position(id: "position:continue-discussions") { agreedBy(page: { limit: 1 }) { id } }
         actor(id: "actor:russian-delegation") { members(page: { limit: 1 }) { role } }
         commonGround(actorIds: ["actor:russia", "actor:ukraine"], page: { limit: 1 }) { id }
         disputes(actorIds: ["actor:russia", "actor:ukraine"], page: { limit: 1 }) { position { id } } }`,
    );
    expect(data.position.agreedBy).toHaveLength(1);
    expect(data.actor.members).toHaveLength(1);
    expect(data.commonGround).toHaveLength(1);
    expect(data.disputes).toHaveLength(1);
  });

  it('refuses a nested page over the maximum, naming the argument', async () => {
    const result = await execute(app, `{ actor(id: "actor:russia") { proposed(page: { limit: 500 }) { id } } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/page\.limit/);
  });

  it('prices nested lists from their real page: the widest pages exceed the cost limit before any query runs', async () => {
    let sent = 0;
    const stop = app.executor.onQuery(() => (sent += 1));
    const result = await execute(app, `{ actors(page: { limit: 200 }) { items { proposed(page: { limit: 200 }) { id } } } }`);
    stop();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(sent).toBe(0);
    // The same shape with small pages is cheap and runs.
    await expect(query(app, `{ actors(page: { limit: 20 }) { items { proposed(page: { limit: 20 }) { id } } } }`)).resolves.toBeDefined();
  });
});

describe('a few connections per request', () => {
  const ALIASES = Array.from({ length: 100 }, (_, i) => `c${i}: connection(fromId: "actor:vladimir-medinsky", toId: "actor:rustem-umerov") { length }`).join(
    '\n',
  );

  it('runs 100 aliased connection fields on at most 8 sessions, while another client is served', async () => {
    let queries = 0;
    const stopQueries = app.executor.onQuery(() => (queries += 1));
    sessions.reset();
    const heavy = execute(app, `{ ${ALIASES} }`);
    const other = execute(app, `{ actor(id: "actor:russia") { name } }`);
    const [heavyResult, otherResult] = await Promise.all([heavy, other]);
    stopQueries();
    expect(heavyResult.errors).toBeUndefined();
    expect(Object.keys(heavyResult.data ?? {})).toHaveLength(100);
    expect(otherResult.errors).toBeUndefined();
    expect(otherResult.data).toEqual({ actor: { name: 'Russia' } });
    // 101 queries (100 paths + the actor); the heavy request's run at most 8 at a time
    // (GRAPHQL_MAX_PARALLEL_QUERIES) on sessions it reuses, the other request's on its own.
    expect(queries).toBe(101);
    expect(sessions.opened).toBeLessThanOrEqual(8 + 1);
    expect(sessions.mostOpen).toBeLessThanOrEqual(8 + 1);
  });
});

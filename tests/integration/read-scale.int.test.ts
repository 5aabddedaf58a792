/**
 * The read path stays flat as the graph grows: each read query, asked for the same page, must
 * cost less than twice as many db hits on a generated graph of 50,000 stances as on one of
 * 5,000 (the graph grows 10×, in the proportions of a real one: more actors, positions and
 * meetings, not only more stances each). Db hits are deterministic, so this cannot pass by
 * luck. A query that materialises every match before cutting a page grows ~10× and fails.
 *
 * Both graphs are built inside a transaction that is rolled back (Executor.experiment): the
 * suite shares one database, and no other test ever sees them. (Full-text indexes do not see
 * uncommitted data, so search is measured by `npm run bench`, not here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import type { Params } from '../../src/db/executor.js';
import { generateGraph, graphSize } from '../../src/generate/generate-graph.js';
import { STANCE_COUNT_CAP } from '../../src/stances/stance.repository.js';
import { createTestApp } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

const PREFIX = 'scale-test:';
const PAGE = { offset: 0, limit: 50 };
const NO_STANCE_FILTER = {
  kinds: null,
  actorIds: null,
  includeMembers: true,
  positionIds: null,
  topics: null,
  meetingIds: null,
  targetIds: null,
  sourceIds: null,
  from: null,
  to: null,
  includeRetracted: false,
};
const WIDEST = { fromDate: '0001-01-01', toDate: '9999-12-31' };
const stanceKeys = (field: string, ids: string[], kind: string | null) => ids.map((id) => ({ meetingId: null, [field]: id, kind, includeRetracted: false }));
// The smaller graph has only a few meetings (5 generated, 3 seeded); a page of 5 is the same page on both.
const MEETING_PAGE = { offset: 0, limit: 5 };

/** Each read query with the same page and the same (generated) items on both graphs. */
const QUERIES: Array<[string, Params]> = [
  ['stances/list-stances', { ...NO_STANCE_FILTER, kinds: ['REJECTED'], ...WIDEST, ...PAGE }],
  ['stances/list-stances', { ...NO_STANCE_FILTER, ...WIDEST, ...PAGE }],
  ['stances/count-stances', { ...NO_STANCE_FILTER, kinds: ['REJECTED'], countCap: STANCE_COUNT_CAP }],
  ['stances/list-stances-anchored', { ...NO_STANCE_FILTER, actorIds: [`${PREFIX}actor:3`], ...PAGE }],
  ['stances/count-stances', { ...NO_STANCE_FILTER, countCap: STANCE_COUNT_CAP }],
  ['stances/list-stances-anchored', { ...NO_STANCE_FILTER, meetingIds: [`${PREFIX}meeting:1`], ...PAGE }],
  ['stances/find-stances-by-actors', { keys: stanceKeys('actorId', [`${PREFIX}actor:1`, `${PREFIX}actor:2`], 'PROPOSED'), ...PAGE }],
  ['stances/find-stances-by-positions', { keys: stanceKeys('positionId', [`${PREFIX}position:1`, `${PREFIX}position:2`], 'REJECTED'), ...PAGE }],
  ['stances/find-stances-by-meetings', { keys: stanceKeys('meetingId', [`${PREFIX}meeting:1`], null), ...PAGE }],
  ['actors/list-actors', { kind: null, name: null, ...PAGE }],
  ['actors/count-actors', { kind: null, name: null }],
  ['positions/list-positions', { type: null, topics: null, title: null, ...PAGE }],
  ['positions/count-positions', { type: null, topics: null, title: null }],
  ['meetings/list-meetings', { status: null, kinds: null, from: null, to: null, title: null, ...MEETING_PAGE }],
  ['meetings/count-meetings', { status: null, kinds: null, from: null, to: null, title: null }],
  ['sources/list-sources', { ...PAGE }],
  // The actors are replaced by a pair that agreed to a common position (see dbHitsOn).
  ['analysis/common-ground', { actorIds: [], meetingId: null, includeMembers: true, ...PAGE }],
];

type Profiled = { dbHits: number; rows: number; items: Array<Record<string, unknown>> };

async function dbHitsOn(stances: number): Promise<Map<string, Profiled>> {
  return app.executor.experiment(async (scope) => {
    await generateGraph(scope, PREFIX, graphSize(stances));
    const [pair] = await scope.run('bench/find-common-pair', { prefix: PREFIX });
    const actorIds = [String(pair?.['first']), String(pair?.['second'])];
    const hits = new Map<string, Profiled>();
    for (const [index, [name, params]] of QUERIES.entries()) {
      const { dbHits, rows } = await scope.profile(name, name === 'analysis/common-ground' ? { ...params, actorIds } : params);
      hits.set(`${index}: ${name}`, { dbHits, rows: rows.length, items: rows });
    }
    return hits;
  });
}

describe('read queries at 5,000 and 50,000 generated stances', () => {
  let small: Map<string, Profiled>;
  let large: Map<string, Profiled>;
  beforeAll(async () => {
    small = await dbHitsOn(5_000);
    large = await dbHitsOn(50_000);
  }, 300_000);

  it.each(QUERIES.map(([name], index) => `${index}: ${name}`))('%s: db hits for the same page grow less than 2×', (key) => {
    const before = small.get(key);
    const after = large.get(key);
    expect(before?.rows, 'the query finds the generated items').toBeGreaterThan(0);
    expect(after?.rows).toBeGreaterThan(0);
    console.log(`[scale] ${key}: ${before?.dbHits} -> ${after?.dbHits} db hits`);
    expect(after?.dbHits ?? Infinity).toBeLessThan(2 * (before?.dbHits ?? 0));
  });

  it('cuts full pages of distinct items in order (the top-N plans are not only cheap but right)', () => {
    for (const graph of [small, large]) {
      const page = (graph.get('0: stances/list-stances')?.items ?? []).map((row) => row['stance'] as { id: string; date: string });
      expect(page).toHaveLength(PAGE.limit);
      expect(new Set(page.map((stance) => stance.id)).size).toBe(page.length);
      expect(page.map((stance) => stance.date)).toEqual(page.map((stance) => stance.date).sort());
      const meetings = (graph.get('13: meetings/list-meetings')?.items ?? []).map((row) => (row['meeting'] as { id: string }).id);
      expect(meetings).toHaveLength(MEETING_PAGE.limit);
      expect(new Set(meetings).size).toBe(meetings.length);
    }
  });
});

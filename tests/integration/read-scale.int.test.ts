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
import { generateAuditLog, generateGraph, graphSize } from '../../src/generate/generate-graph.repository.js';
import { lookAheadParams } from '../../src/stances/stance-lookahead.js';
import { AUDIT_COUNT_CAP } from '../../src/curation/curation.repository.js';
import { STANCE_COUNT_CAP } from '../../src/stances/stance.repository.js';
import type { StanceTuple } from '../../src/stances/stance-tuple.js';
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
// Stance queries are measured with every look-ahead on: the related items they fetch for the
// page must not make them grow with the graph either.
const LOOK_AHEAD = lookAheadParams({
  stanceId: true,
  stance: ['date', 'status', 'sourceIds', 'evidence'],
  actor: ['id', 'name', 'kind', 'sourceIds', 'evidence'],
  position: ['id', 'type', 'title', 'topics'],
  meeting: ['id', 'title', 'date'],
  sources: ['id', 'publisher', 'title'],
});
const stanceKeys = (field: string, ids: string[], kind: string | null) => ids.map((id) => ({ meetingId: null, [field]: id, kind, includeRetracted: false }));
// The smaller graph has only a few meetings (5 generated, 3 seeded); a page of 5 is the same page on both.
const MEETING_PAGE = { offset: 0, limit: 5 };

const AUDIT_WHOLE_LOG: [string, Params] = [
  'curation/list-audit-entries',
  { targetId: null, by: null, actions: null, targetKinds: null, ...PAGE, countCap: AUDIT_COUNT_CAP },
];
// Filtered by editor and kind: the page read newest first, the total counted up to the cap.
const AUDIT_BY_EDITOR: [string, Params] = [
  'curation/list-audit-entries',
  { targetId: null, by: 'generator', actions: null, targetKinds: ['Stance'], ...PAGE, countCap: AUDIT_COUNT_CAP },
];

/** Each read query with the same page and the same (generated) items on both graphs. */
const QUERIES: Array<[string, Params]> = [
  ['stances/list-stances', { ...NO_STANCE_FILTER, kinds: ['REJECTED'], ...WIDEST, ...PAGE, ...LOOK_AHEAD }],
  ['stances/list-stances', { ...NO_STANCE_FILTER, ...WIDEST, ...PAGE, ...LOOK_AHEAD }],
  ['stances/count-stances', { ...NO_STANCE_FILTER, kinds: ['REJECTED'], countCap: STANCE_COUNT_CAP }],
  // The stance table filtered by kind as the API sends it: the page and its total in one query.
  [
    'stances/list-stances+stances/count-stances-of-kinds',
    { ...NO_STANCE_FILTER, kinds: ['REJECTED'], ...WIDEST, ...PAGE, ...LOOK_AHEAD, countCap: STANCE_COUNT_CAP },
  ],
  ['stances/list-stances-anchored', { ...NO_STANCE_FILTER, actorIds: [`${PREFIX}actor:3`], ...PAGE, ...LOOK_AHEAD }],
  ['stances/count-stances', { ...NO_STANCE_FILTER, countCap: STANCE_COUNT_CAP }],
  ['stances/list-stances-anchored', { ...NO_STANCE_FILTER, meetingIds: [`${PREFIX}meeting:1`], ...PAGE, ...LOOK_AHEAD }],
  [
    'stances/find-stances-by-actors',
    { keys: stanceKeys('actorId', [`${PREFIX}actor:1`, `${PREFIX}actor:2`], 'PROPOSED'), ...PAGE, ...LOOK_AHEAD, withParents: true },
  ],
  [
    'stances/find-stances-by-positions',
    { keys: stanceKeys('positionId', [`${PREFIX}position:1`, `${PREFIX}position:2`], 'REJECTED'), ...PAGE, ...LOOK_AHEAD, withParents: true },
  ],
  // A parent's lists asked alike (as written, the PROPOSED list; the service repeats its block per kind).
  [
    'stances/stance-lists-of-actors',
    { ids: [`${PREFIX}actor:1`, `${PREFIX}actor:2`], includeRetracted: false, meetingId: null, ...PAGE, ...LOOK_AHEAD, withParents: true },
  ],
  [
    'stances/stance-lists-of-positions',
    { ids: [`${PREFIX}position:1`, `${PREFIX}position:2`], includeRetracted: false, meetingId: null, ...PAGE, ...LOOK_AHEAD, withParents: true },
  ],
  ['stances/find-stances-by-meetings', { keys: stanceKeys('meetingId', [`${PREFIX}meeting:1`], null), ...PAGE, ...LOOK_AHEAD }],
  ['actors/list-actors', { kind: null, name: null, ...PAGE }],
  ['positions/list-positions', { type: null, topics: null, title: null, withSummary: true, withEvidence: true, ...PAGE }],
  ['meetings/list-meetings', { status: null, kinds: null, from: null, to: null, title: null, ...MEETING_PAGE }],
  ['sources/list-sources', { ...PAGE }],
  // The actors are replaced by a pair that agreed to a common position (see dbHitsOn).
  ['analysis/common-ground', { actorIds: [], meetingId: null, includeMembers: true, withEvidence: true, withSummary: true, withTopics: true, ...PAGE }],
  [
    'analysis/common-ground-of-pair',
    { actorIds: [], meetingId: null, includeMembers: false, withEvidence: true, withSummary: true, withTopics: true, ...PAGE },
  ],
  // The audit log (one generated CREATE entry per stance), newest first, and one item's entries.
  AUDIT_WHOLE_LOG,
  ['curation/list-audit-entries', { targetId: `${PREFIX}stance:7`, by: null, actions: null, targetKinds: null, ...PAGE, countCap: AUDIT_COUNT_CAP }],
  AUDIT_BY_EDITOR,
];

// The kinds-only total reads the count store and the retracted stances of each kind, up to
// its cap: bounded by the cap rather than flat (the generated graphs retract 2% of stances).
const KINDS_ONLY_TOTAL = ['stances/count-stances-of-kinds', { kinds: ['REJECTED'], includeRetracted: false, countCap: STANCE_COUNT_CAP }] as const;

/** The stance table's total of the kinds-only shortcut and of the exact count, with and without retracted stances. */
const TOTALS = [false, true].map((includeRetracted) => ({
  includeRetracted,
  shortcut: ['stances/count-stances-of-kinds', { kinds: ['REJECTED', 'AGREED_TO'], includeRetracted, countCap: STANCE_COUNT_CAP }] as const,
  exact: ['stances/count-stances', { ...NO_STANCE_FILTER, kinds: ['REJECTED', 'AGREED_TO'], includeRetracted, countCap: 1_000_000_000 }] as const,
}));

type Profiled = { dbHits: number; rows: number; items: Array<Record<string, unknown>> };

async function dbHitsOn(stances: number): Promise<Map<string, Profiled>> {
  return app.executor.experiment(async (scope) => {
    await generateGraph(scope, PREFIX, graphSize(stances));
    await generateAuditLog(scope, PREFIX, graphSize(stances));
    const [pair] = await scope.run('bench/find-common-pair', { prefix: PREFIX });
    const actorIds = [String(pair?.['first']), String(pair?.['second'])];
    const hits = new Map<string, Profiled>();
    for (const [index, [name, params]] of QUERIES.entries()) {
      const { dbHits, rows } = await scope.profile(name, name.startsWith('analysis/common-ground') ? { ...params, actorIds } : params);
      // A root list answers one row: its total and the page as a list (count that list).
      const page =
        rows.length === 1 && 'total' in (rows[0] ?? {})
          ? Object.entries(rows[0] ?? {}).find(([key, value]) => key !== 'total' && Array.isArray(value))
          : undefined;
      hits.set(`${index}: ${name}`, {
        dbHits,
        rows: page ? (page[1] as unknown[]).length : rows.length,
        items: page ? (page[1] as Array<Record<string, unknown>>) : rows,
      });
    }
    const kindsOnly = await scope.profile(...KINDS_ONLY_TOTAL);
    hits.set('kinds-only total', { dbHits: kindsOnly.dbHits, rows: kindsOnly.rows.length, items: kindsOnly.rows });
    const [byEditor] = await scope.run(...AUDIT_BY_EDITOR);
    const [wholeLog] = await scope.run(...AUDIT_WHOLE_LOG);
    hits.set('audit totals', { dbHits: 0, rows: 2, items: [byEditor ?? {}, wholeLog ?? {}] });
    for (const { includeRetracted, shortcut, exact } of TOTALS) {
      const [fast] = await scope.run(...shortcut);
      const [counted] = await scope.run(...exact);
      hits.set(`total, retracted ${includeRetracted}`, { dbHits: 0, rows: 2, items: [fast ?? {}, counted ?? {}] });
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

  it('counts the kinds-only stance table for at most its cap of db hits per kind, below the general count', () => {
    for (const graph of [small, large]) {
      const hits = graph.get('kinds-only total')?.dbHits ?? Infinity;
      console.log(`[scale] kinds-only total: ${hits} db hits`);
      expect(hits).toBeLessThanOrEqual(STANCE_COUNT_CAP + 10);
      expect(hits).toBeLessThan(graph.get('2: stances/count-stances')?.dbHits ?? 0);
    }
  });

  it('counts the kinds-only stance table from the count store exactly as a full count does', () => {
    for (const graph of [small, large]) {
      const [fast, counted] = graph.get('total, retracted false')?.items ?? [];
      const [fastAll, countedAll] = graph.get('total, retracted true')?.items ?? [];
      expect(Number(fast?.['total'])).toBe(Number(counted?.['total']));
      expect(Number(fastAll?.['total'])).toBe(Number(countedAll?.['total']));
      // The generated graph retracts some stances: the two totals differ by those.
      expect(Number(fastAll?.['total'])).toBeGreaterThan(Number(fast?.['total']));
      expect(fast?.['estimated']).toBe(false);
    }
  });

  it('gives a filtered audit log past its count cap the size of the whole log as its total, with a full page', () => {
    for (const graph of [small, large]) {
      const [byEditor, wholeLog] = graph.get('audit totals')?.items ?? [];
      // Every generated stance has a generator's entry: more matches than the cap on both graphs.
      expect(Number(wholeLog?.['total'])).toBeGreaterThan(AUDIT_COUNT_CAP);
      expect(Number(byEditor?.['total'])).toBe(Number(wholeLog?.['total']));
      expect(byEditor?.['items']).toHaveLength(PAGE.limit);
    }
  });

  it('cuts full pages of distinct items in order (the top-N plans are not only cheap but right)', () => {
    for (const graph of [small, large]) {
      // One row holds the page as tuples (src/stances/stance-tuple.ts); the date is the first of
      // the properties the look-ahead asks (LOOK_AHEAD.stanceKeys).
      const [row] = graph.get('0: stances/list-stances')?.items ?? [];
      const page = ((row?.['stances'] ?? []) as StanceTuple[]).map(([id, , , , properties]) => ({ id, date: properties[0] }));
      expect(page.every((stance) => typeof stance.date === 'string')).toBe(true);
      expect(page).toHaveLength(PAGE.limit);
      expect(new Set(page.map((stance) => stance.id)).size).toBe(page.length);
      expect(page.map((stance) => stance.date)).toEqual(page.map((stance) => stance.date).sort());
      const meetings = ([...graph].find(([key]) => key.endsWith(': meetings/list-meetings'))?.[1].items ?? []).map((meeting) => String(meeting['id']));
      expect(meetings).toHaveLength(MEETING_PAGE.limit);
      expect(new Set(meetings).size).toBe(meetings.length);
    }
  });
});

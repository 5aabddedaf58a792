/**
 * Stance targets and `connection` on a small graph of this file's own (ids carry a per-run
 * marker; everything is deleted afterwards):
 * - a retracted stance stops linking its actor to its target: in `connection`, in
 *   Actor.targetedBy, in the stance table's targetIds filter (alone, the branch that starts from
 *   the TARGETS edges), in the stance export and in the graph export;
 * - a graph stored before a TARGETS edge carried its stance's status gets it when the schema is
 *   applied;
 * - `connection` prefers what actors did (here, attendance) over a shorter membership chain, and
 *   `via` still allows memberships.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { applySchema } from '../../src/db/database-state.js';
import { loadSeed } from '../../src/seed/seed-loader.js';
import type { SeedDataset, SeedMeeting } from '../../src/shared/seed-format.js';
import { deleteRunData, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
const id = (kind: string, name: string) => `${kind}:${marker}-${name}`;
const quote = 'North demanded that South withdraw; East asked South and North for talks.';
const evidence = [{ sourceId: id('source', 'wire'), quote }];

const NORTH = id('actor', 'north');
const SOUTH = id('actor', 'south');
const EAST = id('actor', 'east');
const DEMAND = id('stance', 'north-demands-withdrawal');
const EAST_TO_SOUTH = id('stance', 'east-proposes-talks-to-south');
const EAST_TO_NORTH = id('stance', 'east-proposes-truce-to-north');

function dataset(): SeedDataset {
  const person = (name: string) => ({ id: id('actor', name), name: `${name} ${marker}`, kind: 'PERSON', aliases: [], description: 'Test.', evidence });
  const state = (name: string) => ({ id: id('actor', name), name: `${name} ${marker}`, kind: 'STATE', aliases: [], description: 'Test.', evidence });
  const meeting = (name: string): SeedMeeting => ({
    id: id('meeting', name),
    title: `${name} ${marker}`,
    kind: 'CONSULTATION',
    date: '2025-07-01',
    status: 'HELD',
    evidence,
  });
  const attended = (actor: string, meetingName: string) => ({ actorId: id('actor', actor), meetingId: id('meeting', meetingName), role: 'MEMBER', evidence });
  return {
    formatVersion: 1,
    dataset: { id: `dataset:${marker}`, title: 'Targets and paths test', description: 'Created and deleted by the test.' },
    sources: [{ id: id('source', 'wire'), publisher: 'Wire', title: 'Talks', publishedAt: '2025-08-01', language: 'en', url: null }],
    actors: [
      state('north'),
      state('south'),
      state('east'),
      // Alice and Bob belong to one delegation (two membership edges apart) but met only
      // through Carol, at two consultations (four attendance edges apart).
      { ...state('delegation'), kind: 'DELEGATION' },
      person('alice'),
      person('bob'),
      person('carol'),
    ],
    meetings: [meeting('summit'), meeting('first-consultation'), meeting('second-consultation')],
    positions: [
      { id: id('position', 'withdrawal'), type: 'DEMAND', title: 'Withdrawal', topics: ['WITHDRAWAL_DEMILITARIZATION'], evidence },
      { id: id('position', 'talks'), type: 'PROPOSAL', title: 'Talks', topics: ['PROCESS_FORMAT'], evidence },
      { id: id('position', 'truce'), type: 'PROPOSAL', title: 'Truce', topics: ['CEASEFIRE'], evidence },
    ],
    stances: [
      { id: DEMAND, kind: 'PROPOSED', actorId: NORTH, positionId: id('position', 'withdrawal'), date: '2025-07-01', evidence },
      { id: EAST_TO_SOUTH, kind: 'PROPOSED', actorId: EAST, positionId: id('position', 'talks'), date: '2025-07-02', evidence },
      { id: EAST_TO_NORTH, kind: 'PROPOSED', actorId: EAST, positionId: id('position', 'truce'), date: '2025-07-03', evidence },
      // No target: the targetIds filter must leave it out.
      { id: id('stance', 'north-rejects-talks'), kind: 'REJECTED', actorId: NORTH, positionId: id('position', 'talks'), date: '2025-07-04', evidence },
    ],
    // North's demand gets its target through the curation API, in the test.
    stanceTargets: [
      { stanceId: EAST_TO_SOUTH, actorId: SOUTH, evidence },
      { stanceId: EAST_TO_NORTH, actorId: NORTH, evidence },
    ],
    attendance: [
      attended('north', 'summit'),
      attended('south', 'summit'),
      attended('alice', 'first-consultation'),
      attended('carol', 'first-consultation'),
      attended('carol', 'second-consultation'),
      attended('bob', 'second-consultation'),
    ],
    memberships: [
      { actorId: id('actor', 'alice'), groupId: id('actor', 'delegation'), role: 'negotiator', evidence },
      { actorId: id('actor', 'bob'), groupId: id('actor', 'delegation'), role: 'negotiator', evidence },
    ],
  };
}

let app: App;
let tokens: TestTokens;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  tokens = makeTokens(marker);
  const dir = mkdtempSync(join(tmpdir(), 'ng-targets-paths-'));
  app = await createTestApp({ AUTH_TOKENS: tokens.env, AUTH_TOKENS_FILE: join(dir, 'tokens.json') });
  const file = join(dir, 'data.json');
  writeFileSync(file, JSON.stringify(dataset()));
  await loadSeed(app.executor, { files: [file], recordedBy: marker });
  server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await deleteRunData(app, marker);
  await app.stop();
});

const PATHS = `query ($from: ID!, $to: ID!, $via: [ConnectionEdgeKind!]) {
  connection(fromId: $from, toId: $to, via: $via, limit: 10) { length nodes { id } edges { type kind role id } }
}`;
interface Path {
  length: number;
  nodes: Array<{ id: string }>;
  edges: Array<{ type: string; kind: string; role: string | null; id: string | null }>;
}
const connection = async (from: string, to: string, via?: string[]): Promise<Path[]> =>
  (await queryAs(app, null, PATHS, { from, to, via: via ?? null })).connection;

const STANCES = `query ($filter: StanceFilter) { stances(filter: $filter, page: { limit: 50 }) { total items { id status } } }`;
const stanceTable = async (filter: Record<string, unknown>) => {
  const { stances } = await queryAs(app, null, STANCES, { filter });
  return { total: stances.total as number, ids: (stances.items as Array<{ id: string }>).map((s) => s.id).sort() };
};
const TARGETED_BY = `query ($id: ID!) { actor(id: $id) { targetedBy { id } all: targetedBy(includeRetracted: true) { id status } } }`;

/** The stance ids of /export/stances.jsonl with these query parameters (one row per stance and source). */
async function exportedStanceIds(params: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/export/stances.jsonl?${params}`);
  expect(response.status).toBe(200);
  const lines = (await response.text()).split('\n').filter((line) => line.trim() !== '');
  return [...new Set(lines.map((line) => (JSON.parse(line) as { stance_id: string }).stance_id))].sort();
}

/** The status of North's demand's TARGETS edge in the node-link graph export. */
async function exportedTargetStatus(): Promise<unknown> {
  const response = await fetch(`${baseUrl}/export/graph.json`);
  expect(response.status).toBe(200);
  const graph = (await response.json()) as { edges: Array<Record<string, unknown>> };
  const edge = graph.edges.find((e) => e['type'] === 'TARGETS' && e['stanceId'] === DEMAND);
  expect(edge).toMatchObject({ source: NORTH, target: SOUTH });
  return edge!['status'];
}

describe('the stance table filtered by targets alone', () => {
  it('lists exactly the active stances addressed to the given actors, whoever took them, with the total', async () => {
    // East addressed talks to South and a truce to North; North's rejection of talks names no target.
    expect(await stanceTable({ targetIds: [NORTH] })).toEqual({ total: 1, ids: [EAST_TO_NORTH] });
    // Before the next test addresses North's demand to South.
    expect(await stanceTable({ targetIds: [NORTH, SOUTH] })).toEqual({ total: 2, ids: [EAST_TO_NORTH, EAST_TO_SOUTH].sort() });
    expect(await stanceTable({ targetIds: [NORTH, SOUTH], kinds: ['REJECTED'] })).toEqual({ total: 0, ids: [] });
    expect(await stanceTable({ targetIds: [id('actor', 'alice')] })).toEqual({ total: 0, ids: [] });
  });
});

describe('a retracted stance no longer links its actor to its target', () => {
  it('connection, targetedBy, the targetIds filter and the exports drop the target once the stance is retracted', async () => {
    await queryAs(app, tokens.tokens.editor, `mutation ($input: RecordStanceTargetInput!) { recordStanceTarget(input: $input) { actor { id } } }`, {
      input: { stanceId: DEMAND, actorId: SOUTH, evidence },
    });

    // Active: the demand is the one-edge dyad between North and South.
    const before = await connection(NORTH, SOUTH);
    expect(before.map((p) => p.edges)).toEqual([[{ type: 'TARGETS', kind: 'TARGET', role: 'PROPOSED', id: DEMAND }]]);
    expect(await connection(NORTH, SOUTH, ['TARGET'])).toHaveLength(1);
    // Its quote and source when asked (the query reads them only then).
    const explained = await queryAs(
      app,
      null,
      `query ($from: ID!, $to: ID!) { connection(fromId: $from, toId: $to) { edges { id evidence { quote source { id } } sources { id } } } }`,
      {
        from: NORTH,
        to: SOUTH,
      },
    );
    expect(explained.connection).toEqual([
      { edges: [{ id: DEMAND, evidence: [{ quote, source: { id: id('source', 'wire') } }], sources: [{ id: id('source', 'wire') }] }] },
    ]);
    expect((await queryAs(app, null, TARGETED_BY, { id: SOUTH })).actor.targetedBy.map((s: { id: string }) => s.id).sort()).toEqual(
      [DEMAND, EAST_TO_SOUTH].sort(),
    );
    expect(await stanceTable({ targetIds: [SOUTH] })).toEqual({ total: 2, ids: [DEMAND, EAST_TO_SOUTH].sort() });
    expect(await exportedStanceIds(`target=${encodeURIComponent(SOUTH)}`)).toEqual([DEMAND, EAST_TO_SOUTH].sort());
    expect(await exportedTargetStatus()).toBe('ACTIVE');

    await queryAs(app, tokens.tokens.admin, `mutation ($id: ID!, $reason: String!) { retractStance(id: $id, reason: $reason) { status } }`, {
      id: DEMAND,
      reason: 'The wire corrected its report.',
    });

    // Retracted: North and South are two edges apart, through the summit they both attended
    // or through East, who addressed its proposals to both; never through the demand.
    const after = await connection(NORTH, SOUTH);
    expect(after.map((p) => p.nodes[1]?.id).sort()).toEqual([EAST, id('meeting', 'summit')].sort());
    for (const path of after) {
      expect(path.length).toBe(2);
      expect(path.edges.map((e) => e.id)).not.toContain(DEMAND);
    }
    // Over targets alone, only East's two active stances are left to link them.
    const targets = await connection(NORTH, SOUTH, ['TARGET']);
    expect(targets.map((p) => p.edges.map((e) => e.id))).toEqual([[EAST_TO_NORTH, EAST_TO_SOUTH]]);

    const targeted = (await queryAs(app, null, TARGETED_BY, { id: SOUTH })).actor;
    expect(targeted.targetedBy).toEqual([{ id: EAST_TO_SOUTH }]);
    expect(targeted.all).toEqual(
      expect.arrayContaining([
        { id: DEMAND, status: 'RETRACTED' },
        { id: EAST_TO_SOUTH, status: 'ACTIVE' },
      ]),
    );
    expect(await stanceTable({ targetIds: [SOUTH] })).toEqual({ total: 1, ids: [EAST_TO_SOUTH] });
    expect(await stanceTable({ targetIds: [SOUTH], includeRetracted: true })).toEqual({ total: 2, ids: [DEMAND, EAST_TO_SOUTH].sort() });
    expect(await exportedStanceIds(`target=${encodeURIComponent(SOUTH)}`)).toEqual([EAST_TO_SOUTH]);
    expect(await exportedStanceIds(`target=${encodeURIComponent(SOUTH)}&includeRetracted=true`)).toEqual([DEMAND, EAST_TO_SOUTH].sort());
    // The graph export keeps every edge; the target edge now says its stance was retracted.
    expect(await exportedTargetStatus()).toBe('RETRACTED');
  });
});

describe('a graph stored before TARGETS edges carried their stance status', () => {
  it('is brought up to date when the schema is applied: the retracted demand stops linking again', async () => {
    // As an earlier version stored them: no status on the edges (the demand was retracted above).
    await app.executor.runStatement(`MATCH ()-[t:TARGETS]->() WHERE t.stanceId IN $ids REMOVE t.status`, { ids: [DEMAND, EAST_TO_SOUTH] });
    const targetPaths = async () => (await connection(NORTH, SOUTH, ['TARGET'])).map((p) => p.edges.map((e) => e.id));
    // Unmarked, the demand's edge reads as active: a path of one edge.
    expect(await targetPaths()).toEqual([[DEMAND]]);

    await applySchema(app.executor);

    const stored = await app.executor.runStatement(
      `MATCH ()-[t:TARGETS]->() WHERE t.stanceId IN $ids RETURN t.stanceId AS stanceId, t.status AS status ORDER BY stanceId`,
      { ids: [DEMAND, EAST_TO_SOUTH] },
    );
    expect(stored).toEqual(
      [
        { stanceId: DEMAND, status: 'RETRACTED' },
        { stanceId: EAST_TO_SOUTH, status: 'ACTIVE' },
      ].sort((a, b) => a.stanceId.localeCompare(b.stanceId)),
    );
    expect(await targetPaths()).toEqual([[EAST_TO_NORTH, EAST_TO_SOUTH]]);
    expect(await exportedTargetStatus()).toBe('RETRACTED');
  });
});

describe('connection prefers what actors did over membership chains', () => {
  const ALICE = id('actor', 'alice');
  const BOB = id('actor', 'bob');

  it('returns the four-edge path through the consultations, not the two-edge path through the delegation', async () => {
    const paths = await connection(ALICE, BOB);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.length).toBe(4);
    expect(paths[0]!.nodes.map((n) => n.id)).toEqual([
      ALICE,
      id('meeting', 'first-consultation'),
      id('actor', 'carol'),
      id('meeting', 'second-consultation'),
      BOB,
    ]);
    expect(paths[0]!.edges.every((e) => e.kind === 'ATTENDANCE')).toBe(true);
  });

  it('finds the same paths of the same length for a client that asks for no edges (whose query reads none)', async () => {
    const withEdges = await connection(ALICE, BOB);
    const NODES_ONLY = `query ($from: ID!, $to: ID!) { connection(fromId: $from, toId: $to, limit: 10) { length nodes { id } } }`;
    const { connection: nodesOnly } = await queryAs(app, null, NODES_ONLY, { from: ALICE, to: BOB });
    expect(nodesOnly).toEqual(withEdges.map((path) => ({ length: path.edges.length, nodes: path.nodes })));
  });

  it('answers each node field alone as it does with the others (the query reads ids and kinds only when asked)', async () => {
    const ask = async (fields: string) =>
      (
        await queryAs(app, null, `query ($from: ID!, $to: ID!) { connection(fromId: $from, toId: $to, limit: 10) { nodes { ${fields} } } }`, {
          from: ALICE,
          to: BOB,
        })
      ).connection as Array<{ nodes: Array<Record<string, string>> }>;
    const full = await ask('id kind label');
    expect(full[0]!.nodes).toEqual([
      { id: ALICE, kind: 'Actor', label: `alice ${marker}` },
      { id: id('meeting', 'first-consultation'), kind: 'Meeting', label: `first-consultation ${marker}` },
      { id: id('actor', 'carol'), kind: 'Actor', label: `carol ${marker}` },
      { id: id('meeting', 'second-consultation'), kind: 'Meeting', label: `second-consultation ${marker}` },
      { id: BOB, kind: 'Actor', label: `bob ${marker}` },
    ]);
    for (const field of ['id', 'kind', 'label']) {
      expect(await ask(field), field).toEqual(full.map((path) => ({ nodes: path.nodes.map((node) => ({ [field]: node[field] })) })));
    }
  });

  it('via still allows memberships: the delegation chain, alone or as the shorter of both kinds', async () => {
    const delegation = [ALICE, id('actor', 'delegation'), BOB];
    const memberships = await connection(ALICE, BOB, ['MEMBERSHIP']);
    expect(memberships.map((p) => p.nodes.map((n) => n.id))).toEqual([delegation]);
    expect(memberships[0]!.edges).toEqual([
      { type: 'MEMBER_OF', kind: 'MEMBERSHIP', role: 'negotiator', id: null },
      { type: 'MEMBER_OF', kind: 'MEMBERSHIP', role: 'negotiator', id: null },
    ]);
    const mixed = await connection(ALICE, BOB, ['MEMBERSHIP', 'ATTENDANCE']);
    expect(mixed.map((p) => p.nodes.map((n) => n.id))).toEqual([delegation]);
  });
});

/**
 * Relations between actors (issue 12), asked of the seeded Istanbul talks and of a small
 * dataset of this file's own (unique ids, deleted afterwards): whom a stance is addressed
 * to, whom a position involves, side meetings and invitees, how two actors are connected
 * through what they said and did, and what changed between two rounds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { importDatasets } from '../../src/import/import.service.js';
import type { SeedDataset } from '../../src/shared/seed-format.js';
import { loadSeed } from '../../src/seed/seed-loader.js';
import { SeedValidationError } from '../../src/seed/seed-validator.js';
import { createTestApp, execute, query } from '../helpers/test-app.js';

const run = Math.random().toString(36).slice(2, 8);
const id = (kind: string, name: string) => `${kind}:rel-${run}-${name}`;
const dir = mkdtempSync(join(tmpdir(), 'relations-test-'));

/** Two rounds between North and South: North moves from rejecting to considering P1, drops P2; South makes a new proposal P3. */
function dataset(): SeedDataset {
  const evidence = [{ sourceId: id('source', 'wire'), quote: 'North and South met twice.' }];
  const stance = (name: string, kind: 'PROPOSED' | 'REJECTED' | 'CONSIDERING', actor: string, position: string, meeting: string, date: string) => ({
    id: id('stance', name),
    kind,
    actorId: id('actor', actor),
    positionId: id('position', position),
    meetingId: id('meeting', meeting),
    date,
    evidence,
  });
  return {
    formatVersion: 1,
    dataset: { id: `dataset:rel-${run}`, title: 'Relations test', description: 'A dataset the relations tests create and delete.' },
    sources: [{ id: id('source', 'wire'), publisher: 'Test Wire', title: 'Two rounds', publishedAt: '2025-08-01', language: 'en', url: null }],
    actors: [
      { id: id('actor', 'north'), name: 'Northland', kind: 'STATE', aliases: [], description: 'A test state.', evidence },
      { id: id('actor', 'south'), name: 'Southland', kind: 'STATE', aliases: [], description: 'A test state.', evidence },
      { id: id('actor', 'envoy'), name: 'North Envoy', kind: 'PERSON', aliases: [], description: 'A test envoy.', evidence },
    ],
    meetings: [
      // No kind: files written before meetings had kinds stay valid and load as rounds.
      { id: id('meeting', 'a'), title: 'Round A', round: 1, date: '2025-07-01', status: 'HELD', city: 'Geneva', evidence },
      { id: id('meeting', 'b'), title: 'Round B', kind: 'ROUND', round: 2, date: '2025-07-20', status: 'HELD', city: 'Geneva', evidence },
      { id: id('meeting', 'call'), title: 'Envoy call', kind: 'PHONE_CALL', date: '2025-07-10', status: 'HELD', evidence },
      { id: id('meeting', 'summit'), title: 'Proposed summit', kind: 'SUMMIT', status: 'PROPOSED', evidence },
    ],
    positions: [
      { id: id('position', 'p1'), type: 'PROPOSAL', title: 'Test truce', topics: ['CEASEFIRE'], evidence },
      { id: id('position', 'p2'), type: 'DEMAND', title: 'Test withdrawal', topics: ['WITHDRAWAL_DEMILITARIZATION'], evidence },
      { id: id('position', 'p3'), type: 'PROPOSAL', title: 'Test summit', topics: ['PROCESS_FORMAT'], evidence },
    ],
    stances: [
      stance('north-rejected-p1', 'REJECTED', 'north', 'p1', 'a', '2025-07-01'),
      stance('north-considering-p1', 'CONSIDERING', 'north', 'p1', 'b', '2025-07-20'),
      stance('envoy-proposed-p2', 'PROPOSED', 'envoy', 'p2', 'a', '2025-07-01'),
      stance('south-proposed-p3', 'PROPOSED', 'south', 'p3', 'b', '2025-07-20'),
    ],
    stanceTargets: [
      { stanceId: id('stance', 'envoy-proposed-p2'), actorId: id('actor', 'south'), evidence },
      { stanceId: id('stance', 'south-proposed-p3'), actorId: id('actor', 'north'), evidence },
    ],
    attendance: [
      { actorId: id('actor', 'envoy'), meetingId: id('meeting', 'call'), role: 'MEMBER', evidence },
      { actorId: id('actor', 'south'), meetingId: id('meeting', 'call'), role: 'MEMBER', evidence },
      { actorId: id('actor', 'north'), meetingId: id('meeting', 'summit'), role: 'INVITED', evidence },
    ],
    memberships: [{ actorId: id('actor', 'envoy'), groupId: id('actor', 'north'), role: 'envoy', evidence }],
    involvement: [
      { positionId: id('position', 'p2'), actorId: id('actor', 'south'), role: 'MUST_ACT', evidence },
      { positionId: id('position', 'p3'), actorId: id('actor', 'north'), role: 'PARTICIPANT', evidence },
    ],
  };
}

function writeDataset(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

let app: App;
beforeAll(async () => {
  app = await createTestApp();
  await loadSeed(app.executor, { files: [writeDataset('relations.json', dataset())], recordedBy: 'relations-test' });
});
afterAll(async () => {
  await app.executor.runStatement('MATCH (d:Dataset {id: $id}) DELETE d', { id: `dataset:rel-${run}` });
  for (const kind of ['source', 'actor', 'meeting', 'position']) {
    await app.executor.runStatement('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: `${kind}:rel-${run}-` });
  }
  await app.stop();
});

const quotesOf = (evidence: Array<{ source: { id: string } }>) => evidence.map((e) => e.source.id).sort();

describe('whom a side addressed its demands to', () => {
  it('Russia’s withdrawal demand targets Ukraine, with three sources for the target', async () => {
    const data = await query(
      app,
      `{ stance(id: "stance:russia-proposed-withdrawal-from-four-regions") { targets { actor { id } evidence { quote source { id } } } } }`,
    );
    expect(data.stance.targets).toHaveLength(1);
    expect(data.stance.targets[0].actor.id).toBe('actor:ukraine');
    expect(quotesOf(data.stance.targets[0].evidence)).toEqual([
      'source:bulgarian-english-outlet-2025-06-02',
      'source:rbc-ukraine-2025-06-02',
      'source:tass-2025-06-02',
    ]);
  });

  it('filters the stance table by target: Russia’s stances addressed to Ukraine, and only those', async () => {
    const data = await query(
      app,
      `{ stances(filter: { actorIds: ["actor:russia"], targetIds: ["actor:ukraine"] }, page: { limit: 100 }) { total items { id targets { actor { id } } } } }`,
    );
    const ids = data.stances.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['stance:russia-proposed-withdrawal-from-four-regions', 'stance:russia-proposed-return-of-6000-bodies-to-ukraine']),
    );
    expect(ids).not.toContain('stance:russia-proposed-return-10-children-by-july-10');
    for (const stance of data.stances.items) expect(stance.targets.map((t: { actor: { id: string } }) => t.actor.id)).toContain('actor:ukraine');
    const all = await query(app, `{ stances(filter: { actorIds: ["actor:russia"] }) { total } }`);
    expect(data.stances.total).toBeLessThan(all.stances.total);
  });

  it('lists what was addressed to an actor: Zelenskyy told Erdoğan he supports a leaders’ meeting', async () => {
    const data = await query(app, `{ actor(id: "actor:recep-tayyip-erdogan") { targetedBy { id kind actor { id } } } }`);
    expect(data.actor.targetedBy).toEqual([
      { id: 'stance:volodymyr-zelenskyy-agreed_to-leaders-meeting', kind: 'AGREED_TO', actor: { id: 'actor:volodymyr-zelenskyy' } },
    ]);
  });
});

describe('which actors a proposal involves, and in what role', () => {
  it('Erdoğan’s proposal would bring together Putin, Zelenskyy and Trump, with Erdoğan as host', async () => {
    const data = await query(
      app,
      `{ position(id: "position:trilateral-leaders-meeting-hosted-by-turkiye") { involves { role actor { id } evidence { source { id } } } participants: involves(role: PARTICIPANT) { actor { id } } } }`,
    );
    const roles = data.position.involves.map((i: { role: string; actor: { id: string } }) => `${i.role} ${i.actor.id}`).sort();
    expect(roles).toEqual([
      'HOST actor:recep-tayyip-erdogan',
      'PARTICIPANT actor:donald-trump',
      'PARTICIPANT actor:vladimir-putin',
      'PARTICIPANT actor:volodymyr-zelenskyy',
    ]);
    for (const involvement of data.position.involves) expect(involvement.evidence.length).toBeGreaterThan(0);
    expect(data.position.participants).toHaveLength(3);
  });

  it('what Ukraine would have to do, from the side of the actor', async () => {
    const data = await query(app, `{ actor(id: "actor:ukraine") { involvedIn(role: MUST_ACT) { role position { id } } } }`);
    const positions = data.actor.involvedIn.map((i: { position: { id: string } }) => i.position.id);
    expect(positions).toEqual(expect.arrayContaining(['position:withdrawal-from-four-regions', 'position:ban-on-redeployment-of-ukrainian-forces']));
    expect(data.actor.involvedIn.every((i: { role: string }) => i.role === 'MUST_ACT')).toBe(true);
  });
});

describe('who met whom, including outside the main talks', () => {
  it('lists side meetings by kind, with who took part', async () => {
    const data = await query(app, `{ meetings(kinds: [CONSULTATION], page: { limit: 100 }) { items { id kind status attendance { role actor { id } } } } }`);
    const consultation = data.meetings.items.find((m: { id: string }) => m.id === 'meeting:ukraine-partners-consultation-before-2025-06-02');
    expect(consultation.kind).toBe('CONSULTATION');
    expect(consultation.attendance.map((a: { actor: { id: string } }) => a.actor.id).sort()).toEqual([
      'actor:germany',
      'actor:italy',
      'actor:oleksandr-bevz',
      'actor:serhii-kyslytsia',
      'actor:united-kingdom',
    ]);
    expect(data.meetings.items.every((m: { kind: string }) => m.kind === 'CONSULTATION')).toBe(true);
  });

  it('records the invitees of a proposed meeting as INVITED', async () => {
    const data = await query(app, `{ meeting(id: "meeting:proposed-trilateral-leaders-meeting-turkiye") { kind status attendance { role actor { id } } } }`);
    expect(data.meeting).toMatchObject({ kind: 'SUMMIT', status: 'PROPOSED' });
    const invited = data.meeting.attendance.filter((a: { role: string }) => a.role === 'INVITED').map((a: { actor: { id: string } }) => a.actor.id);
    expect(invited.sort()).toEqual(['actor:donald-trump', 'actor:vladimir-putin', 'actor:volodymyr-zelenskyy']);
  });

  it('a file written before meetings had kinds loads its meetings as rounds', async () => {
    const data = await query(app, `query ($id: ID!) { meeting(id: $id) { kind } }`, { id: id('meeting', 'a') });
    expect(data.meeting.kind).toBe('ROUND');
  });
});

describe('how two actors are connected through what they said and did', () => {
  const PATHS = `query ($from: ID!, $to: ID!, $via: [ConnectionEdgeKind!]) {
    connection(fromId: $from, toId: $to, via: $via, limit: 10) { length nodes { id } edges { type kind role id evidence { quote } sources { id } } }
  }`;

  it('Erdoğan and Putin: through the meeting Erdoğan proposed, not through Türkiye and Russia, each edge with its sources', async () => {
    const data = await query(app, PATHS, { from: 'actor:recep-tayyip-erdogan', to: 'actor:vladimir-putin' });
    expect(data.connection.length).toBeGreaterThan(0);
    for (const path of data.connection) {
      expect(path.length).toBe(2);
      for (const edge of path.edges) {
        expect(['STANCE', 'TARGET', 'INVOLVEMENT', 'ATTENDANCE']).toContain(edge.kind);
        expect(edge.evidence.length).toBeGreaterThan(0);
        expect(edge.sources.length).toBe(edge.evidence.length);
      }
    }
    const middles = data.connection.map((p: { nodes: Array<{ id: string }> }) => p.nodes[1]!.id);
    expect(middles).toContain('position:trilateral-leaders-meeting-hosted-by-turkiye');
  });

  it('via restricts the kinds of edge; a dyad is one TARGET edge carrying its stance', async () => {
    const data = await query(app, PATHS, { from: 'actor:russia', to: 'actor:ukraine', via: ['TARGET'] });
    expect(data.connection.length).toBeGreaterThan(0);
    for (const path of data.connection) {
      expect(path.edges).toHaveLength(1);
      expect(path.edges[0]).toMatchObject({ type: 'TARGETS', kind: 'TARGET' });
      expect(path.edges[0].id).toMatch(/^stance:/);
    }
  });

  it('falls back to memberships when nothing substantive connects two actors', async () => {
    const data = await query(app, PATHS, { from: 'actor:maria-lvova-belova', to: 'actor:russia' });
    expect(data.connection[0].edges).toEqual([expect.objectContaining({ type: 'MEMBER_OF', kind: 'MEMBERSHIP', role: "children's rights commissioner" })]);
  });

  it('a phone call is attendance of the same meeting: the envoy and Southland are one meeting apart', async () => {
    const data = await query(app, PATHS, { from: id('actor', 'envoy'), to: id('actor', 'south'), via: ['ATTENDANCE'] });
    expect(data.connection[0].nodes.map((n: { id: string }) => n.id)).toEqual([id('actor', 'envoy'), id('meeting', 'call'), id('actor', 'south')]);
  });
});

describe('what changed between two rounds', () => {
  const CHANGES = `query ($from: ID, $to: ID, $fromPeriod: PeriodInput, $toPeriod: PeriodInput, $actors: [ID!], $repeated: Boolean) {
    stanceChanges(fromMeetingId: $from, toMeetingId: $to, fromPeriod: $fromPeriod, toPeriod: $toPeriod, actorIds: $actors, includeRepeated: $repeated) {
      counts { kindChanged new notRepeated repeated } total
      changes { change actor { id } position { id } kindsBefore kindsAfter before { id sources { id } } after { id sources { id } } }
    }
  }`;
  const summary = (changes: Array<{ change: string; actor: { id: string }; position: { id: string } }>) =>
    changes.map((c) => `${c.change} ${c.actor.id.replace(`actor:rel-${run}-`, '')} ${c.position.id.replace(`position:rel-${run}-`, '')}`);

  it('between two meetings: a change of kind, a new stance and one not repeated, members counted for their state', async () => {
    const data = await query(app, CHANGES, { from: id('meeting', 'a'), to: id('meeting', 'b'), actors: [id('actor', 'north'), id('actor', 'south')] });
    expect(summary(data.stanceChanges.changes)).toEqual(['KIND_CHANGED north p1', 'NEW south p3', 'NOT_REPEATED north p2']);
    const [moved] = data.stanceChanges.changes;
    expect(moved).toMatchObject({ kindsBefore: ['REJECTED'], kindsAfter: ['CONSIDERING'] });
    expect(moved.before[0]).toEqual({ id: id('stance', 'north-rejected-p1'), sources: [{ id: id('source', 'wire') }] });
    expect(moved.after[0].id).toBe(id('stance', 'north-considering-p1'));
    expect(data.stanceChanges.counts).toEqual({ kindChanged: 1, new: 1, notRepeated: 1, repeated: 0 });
  });

  it('per actor over periods of days', async () => {
    const data = await query(app, CHANGES, {
      fromPeriod: { from: '2025-07-01', to: '2025-07-05' },
      toPeriod: { from: '2025-07-15', to: '2025-07-31' },
      actors: [id('actor', 'north')],
    });
    expect(summary(data.stanceChanges.changes)).toEqual(['KIND_CHANGED north p1', 'NOT_REPEATED north p2']);
  });

  it('round 1 and round 2 of the Istanbul talks: the 1,000-for-1,000 exchange is not repeated, continued talks are', async () => {
    const data = await query(app, CHANGES, {
      from: 'meeting:istanbul-2025-05-16',
      to: 'meeting:istanbul-2025-06-02',
      actors: ['actor:russia'],
      repeated: true,
    });
    const changes = summary(data.stanceChanges.changes);
    expect(changes).toContain('NOT_REPEATED actor:russia position:prisoner-exchange-1000-for-1000');
    expect(changes).toContain('REPEATED actor:russia position:continue-discussions');
    expect(changes).toContain('NEW actor:russia position:withdrawal-from-four-regions');
    // Medinsky's 2–3 day ceasefire counts for Russia.
    expect(changes).toContain('NEW actor:russia position:local-ceasefire-2-3-days-to-collect-bodies');
  });

  it('refuses a side given twice or not at all, and an unknown meeting, naming the argument', async () => {
    const both = await execute(app, CHANGES, { from: id('meeting', 'a'), fromPeriod: { from: '2025-07-01' }, to: id('meeting', 'b') });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'fromPeriod' });
    const none = await execute(app, CHANGES, { to: id('meeting', 'b') });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'fromMeetingId' });
    const unknown = await execute(app, CHANGES, { from: id('meeting', 'nowhere'), to: id('meeting', 'b') });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'fromMeetingId' });
  });
});

describe('the data format', () => {
  it('refuses a target that is the stance’s own actor, or a stance that does not exist, and writes nothing', async () => {
    const bad = dataset();
    bad.dataset.id = `dataset:rel-${run}-bad`;
    bad.stanceTargets = [
      { stanceId: id('stance', 'north-rejected-p1'), actorId: id('actor', 'north'), evidence: bad.stanceTargets![0]!.evidence },
      { stanceId: id('stance', 'nowhere'), actorId: id('actor', 'south'), evidence: bad.stanceTargets![0]!.evidence },
    ];
    const error = await loadSeed(app.executor, { files: [writeDataset('bad.json', bad)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).problems.map((p) => p.path)).toEqual(['$.stanceTargets[0].actorId', '$.stanceTargets[1].stanceId']);
  });

  it('an import of the same file finds targets and involvement unchanged', async () => {
    const report = await importDatasets(app.executor, [{ file: 'relations.json', data: dataset() }], { dryRun: true, by: 'relations-test', via: 'import' });
    expect(report.created).toBe(0);
    expect(report.updated).toBe(0);
    const sections = report.sections.map((s) => s.section);
    expect(sections).toEqual(expect.arrayContaining(['stanceTargets', 'involvement']));
  });
});

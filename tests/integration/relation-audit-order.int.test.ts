/**
 * Relation edits list in the audit log in the order they were committed (issue 9, defect 13,
 * for relations): an edit takes the write lock of what the edge hangs off before it stamps,
 * so one that waited for another is stamped after it. Concurrent editors each add a source to
 * the same edge (a stance target, an involvement, an attendance): each edit must see the edge
 * as the one before left it (one CREATE, no source lost), and the log, newest first by time,
 * must list the edits in commit order (the audit sequence, and the order in which the sources
 * were appended to the edge). Ids carry a per-run marker and are deleted afterwards.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { RelationCurationService } from '../../src/relations/relation-curation.service.js';
import { loadSeed } from '../../src/seed/seed-loader.js';
import { deleteRunData, executeAs, makeTokens, queryAs, runMarker } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
const tokens = makeTokens(marker);
const id = (kind: string, name: string) => `${kind}:${marker}-${name}`;
const EDITS = 12;
const sourceIds = Array.from({ length: EDITS }, (_, i) => id('source', `wire-${i}`));
const quote = (i: number) => `Wire report number ${i} named them.`;
let app: App;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-relation-audit-'));
  app = await createTestApp({ AUTH_TOKENS: tokens.env, AUTH_TOKENS_FILE: join(dir, 'tokens.json') });
  const evidence = [{ sourceId: sourceIds[0], quote: quote(0) }];
  const file = join(dir, 'data.json');
  writeFileSync(
    file,
    JSON.stringify({
      formatVersion: 1,
      dataset: { id: `dataset:${marker}`, title: 'Relation audit order test', description: 'Created and deleted by the test.' },
      sources: sourceIds.map((sourceId, i) => ({ id: sourceId, publisher: `Wire ${i}`, title: 'Talks', publishedAt: '2025-08-01', language: 'en', url: null })),
      actors: ['north', 'south', 'east', 'west'].map((name) => ({ id: id('actor', name), name, kind: 'STATE', aliases: [], description: 'Test.', evidence })),
      meetings: [{ id: id('meeting', 'summit'), title: 'Proposed summit', kind: 'SUMMIT', status: 'PROPOSED', evidence }],
      positions: [{ id: id('position', 'truce'), type: 'PROPOSAL', title: 'Truce', topics: ['CEASEFIRE'], evidence }],
      stances: [{ id: id('stance', 'north-proposes'), kind: 'PROPOSED', actorId: id('actor', 'north'), positionId: id('position', 'truce'), evidence }],
    }),
  );
  await loadSeed(app.executor, { files: [file], recordedBy: marker });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
});

type Evidence = Array<{ sourceId: string; quote: string }>;
interface AuditItem {
  at: string;
  action: string;
  changes: { evidence: Evidence | { added: Evidence } };
}

/** One kind of relation edit: its mutation, its input for a list of sources, its audit target, and how its edge's sources are read back. */
interface RelationEdit {
  name: string;
  mutation: string;
  input(evidence: Evidence): Record<string, unknown>;
  targetId: string;
  storedSources(): Promise<string[]>;
}

const sourcesOf = (items: Array<{ actor: { id: string }; evidence: Array<{ source: { id: string } }> }>, actorId: string) =>
  (items.find((item) => item.actor.id === actorId)?.evidence ?? []).map((e) => e.source.id);

const EDITS_OF: RelationEdit[] = [
  {
    name: 'a stance target',
    mutation: `mutation ($input: RecordStanceTargetInput!) { recordStanceTarget(input: $input) { actor { id } } }`,
    input: (evidence) => ({ stanceId: id('stance', 'north-proposes'), actorId: id('actor', 'south'), evidence }),
    targetId: `${id('stance', 'north-proposes')} -TARGETS-> ${id('actor', 'south')}`,
    storedSources: async () => {
      const { stance } = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { targets { actor { id } evidence { source { id } } } } }`, {
        id: id('stance', 'north-proposes'),
      });
      return sourcesOf(stance.targets, id('actor', 'south'));
    },
  },
  {
    name: 'an involvement',
    mutation: `mutation ($input: RecordInvolvementInput!) { recordInvolvement(input: $input) { role } }`,
    input: (evidence) => ({ positionId: id('position', 'truce'), actorId: id('actor', 'east'), role: 'GUARANTOR', evidence }),
    targetId: `${id('position', 'truce')} -INVOLVES(GUARANTOR)-> ${id('actor', 'east')}`,
    storedSources: async () => {
      const { position } = await queryAs(app, null, `query ($id: ID!) { position(id: $id) { involves { actor { id } evidence { source { id } } } } }`, {
        id: id('position', 'truce'),
      });
      return sourcesOf(position.involves, id('actor', 'east'));
    },
  },
  {
    name: 'an attendance',
    mutation: `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { role } }`,
    input: (evidence) => ({ actorId: id('actor', 'west'), meetingId: id('meeting', 'summit'), role: 'INVITED', evidence }),
    targetId: `${id('actor', 'west')} -ATTENDED(INVITED)-> ${id('meeting', 'summit')}`,
    storedSources: async () => {
      const { meeting } = await queryAs(app, null, `query ($id: ID!) { meeting(id: $id) { attendance { actor { id } evidence { source { id } } } } }`, {
        id: id('meeting', 'summit'),
      });
      return sourcesOf(meeting.attendance, id('actor', 'west'));
    },
  },
];

/** The edge's audit entries, oldest first as the log lists them by time (it lists newest first). */
async function entriesOf(targetId: string): Promise<AuditItem[]> {
  const { auditLog } = await queryAs(
    app,
    tokens.tokens.editor,
    `query ($id: ID!) { auditLog(filter: { targetId: $id }, page: { limit: 200 }) { items { at action changes } } }`,
    { id: targetId },
  );
  return (auditLog.items as AuditItem[]).reverse();
}

const addedBy = (entry: AuditItem): string[] =>
  (Array.isArray(entry.changes.evidence) ? entry.changes.evidence : entry.changes.evidence.added).map((e) => e.sourceId);

/** The sources of the edge's entries in the order they were committed (the gapless audit sequence). */
async function committedOrder(targetId: string): Promise<string[][]> {
  const rows = await app.executor.runStatement(
    'MATCH (e:AuditEntry {targetId: $targetId}) RETURN e.changes AS changes ORDER BY e.sequence',
    { targetId },
    'READ',
  );
  return rows.map((row) => addedBy({ changes: JSON.parse(String(row['changes'])) } as AuditItem));
}

/** One CREATE then ADD_SOURCEs, in time order = commit order = the order the sources were appended to the edge. */
async function expectCommitOrder(edit: RelationEdit, count: number): Promise<void> {
  const entries = await entriesOf(edit.targetId);
  expect(entries.map((e) => e.action)).toEqual(['CREATE', ...Array<string>(count - 1).fill('ADD_SOURCE')]);
  const listed = entries.map(addedBy);
  expect(listed).toEqual(await committedOrder(edit.targetId));
  expect(listed.flat()).toEqual(await edit.storedSources());
  const times = entries.map((e) => Date.parse(e.at));
  for (let k = 1; k < times.length; k++) expect({ k, later: times[k]! > times[k - 1]! }).toEqual({ k, later: true });
}

describe('relation edits in the audit log', () => {
  it.each(EDITS_OF.map((edit) => [edit.name, edit] as const))('lists concurrent edits of %s in commit order, none lost', async (_name, edit) => {
    const results = await Promise.all(
      sourceIds.map((sourceId, i) => executeAs(app, tokens.tokens.editor, edit.mutation, { input: edit.input([{ sourceId, quote: quote(i) }]) })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect((await edit.storedSources()).sort()).toEqual([...sourceIds].sort());
    await expectCommitOrder(edit, EDITS);
  });

  it('keeps commit order when the clock of the writer runs behind the edge’s last change (replicas, clock steps)', async () => {
    // Each edit comes from a writer whose clock is a minute behind the one before: the stamp
    // must still follow the edge's last change, or the log would list them backwards.
    let skew = 0;
    const service = new RelationCurationService(app.executor, () => new Date(Date.now() - (skew += 60_000)));
    const stanceId = id('stance', 'north-proposes');
    const actorId = id('actor', 'west');
    for (let i = 0; i < 4; i++)
      await service.recordStanceTarget({ name: tokens.names.editor }, { stanceId, actorId, evidence: [{ sourceId: sourceIds[i]!, quote: quote(i) }] });
    const edit: RelationEdit = {
      ...EDITS_OF[0]!,
      targetId: `${stanceId} -TARGETS-> ${actorId}`,
      storedSources: async () => {
        const { stance } = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { targets { actor { id } evidence { source { id } } } } }`, {
          id: stanceId,
        });
        return sourcesOf(stance.targets, actorId);
      },
    };
    await expectCommitOrder(edit, 4);
  });
});

/**
 * The curation API learns the relations: an editor records whom a stance is addressed to,
 * whom a position involves, and who is invited to a meeting; a second call adds sources to
 * the same edge; bad input is refused with the field named, and nothing is half-written.
 * The test loads data of its own (ids carry a per-run marker) and deletes it afterwards.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { loadSeed } from '../../src/seed/seed-loader.js';
import { codeOf, deleteRunData, executeAs, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
const id = (kind: string, name: string) => `${kind}:${marker}-${name}`;
const quote = 'North asked South to withdraw, said the wire.';
const other = 'The gazette said North asked South to withdraw.';
const BULLETIN_TEXT = 'North told South to pull back its troops. South did not answer.';
let app: App;
let tokens: TestTokens;

beforeAll(async () => {
  tokens = makeTokens(marker);
  const dir = mkdtempSync(join(tmpdir(), 'ng-relations-'));
  app = await createTestApp({ AUTH_TOKENS: tokens.env, AUTH_TOKENS_FILE: join(dir, 'tokens.json') });
  const evidence = [{ sourceId: id('source', 'wire'), quote }];
  const file = join(dir, 'data.json');
  writeFileSync(
    file,
    JSON.stringify({
      formatVersion: 1,
      dataset: { id: `dataset:${marker}`, title: 'Relation curation test', description: 'Created and deleted by the test.' },
      sources: [
        { id: id('source', 'wire'), publisher: 'Wire', title: 'Talks', publishedAt: '2025-08-01', language: 'en', url: null },
        { id: id('source', 'gazette'), publisher: 'Gazette', title: 'Talks', publishedAt: '2025-08-02', language: 'en', url: null },
        { id: id('source', 'bulletin'), publisher: 'Bulletin', title: 'Talks', publishedAt: '2025-08-03', language: 'en', url: null, text: BULLETIN_TEXT },
      ],
      actors: [
        { id: id('actor', 'north'), name: 'North', kind: 'STATE', aliases: [], description: 'Test.', evidence },
        { id: id('actor', 'south'), name: 'South', kind: 'STATE', aliases: [], description: 'Test.', evidence },
      ],
      meetings: [{ id: id('meeting', 'summit'), title: 'Proposed summit', kind: 'SUMMIT', status: 'PROPOSED', evidence }],
      positions: [{ id: id('position', 'withdrawal'), type: 'DEMAND', title: 'Withdrawal', topics: ['WITHDRAWAL_DEMILITARIZATION'], evidence }],
      stances: [{ id: id('stance', 'north-demands'), kind: 'PROPOSED', actorId: id('actor', 'north'), positionId: id('position', 'withdrawal'), evidence }],
    }),
  );
  await loadSeed(app.executor, { files: [file], recordedBy: marker });
});

afterAll(async () => {
  await deleteRunData(app, marker);
  await app.stop();
});

const TARGET = `mutation ($input: RecordStanceTargetInput!) { recordStanceTarget(input: $input) { actor { id } evidence { quote source { id } } } }`;
const INVOLVE = `mutation ($input: RecordInvolvementInput!) { recordInvolvement(input: $input) { role actor { id } position { id } evidence { quote } } }`;
const ATTEND = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { role actor { id } meeting { id } } }`;

describe('curating relations', () => {
  it('records a stance target, then adds a second source to it, with audit entries', async () => {
    const input = { stanceId: id('stance', 'north-demands'), actorId: id('actor', 'south'), evidence: [{ sourceId: id('source', 'wire'), quote }] };
    const first = await queryAs(app, tokens.tokens.editor, TARGET, { input });
    expect(first.recordStanceTarget.actor.id).toBe(id('actor', 'south'));
    const second = await queryAs(app, tokens.tokens.editor, TARGET, { input: { ...input, evidence: [{ sourceId: id('source', 'gazette'), quote: other }] } });
    expect(second.recordStanceTarget.evidence.map((e: { source: { id: string } }) => e.source.id)).toEqual([id('source', 'wire'), id('source', 'gazette')]);
    const again = await executeAs(app, tokens.tokens.editor, TARGET, { input });
    expect(codeOf(again)).toBe('CONFLICT');
    const read = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { targets { actor { id } } } }`, { id: input.stanceId });
    expect(read.stance.targets).toEqual([{ actor: { id: id('actor', 'south') } }]);
    const audit = await queryAs(app, tokens.tokens.editor, `query ($t: ID!) { auditLog(filter: { targetId: $t }) { items { action by } } }`, {
      t: `${input.stanceId} -TARGETS-> ${input.actorId}`,
    });
    expect(audit.auditLog.items.map((e: { action: string }) => e.action).sort()).toEqual(['ADD_SOURCE', 'CREATE']);
  });

  it('refuses a quote that is not in its source’s stored text, naming the nearest passage, and writes nothing', async () => {
    const input = {
      stanceId: id('stance', 'north-demands'),
      actorId: id('actor', 'south'),
      evidence: [{ sourceId: id('source', 'bulletin'), quote: 'North told South to pull back all its troops.' }],
    };
    const refused = await executeAs(app, tokens.tokens.editor, TARGET, { input });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('input.evidence[0].quote');
    expect(JSON.stringify(refused.errors?.[0]?.extensions)).toContain('North told South to pull back its troops.');
    const read = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { targets { evidence { source { id } } } } }`, { id: input.stanceId });
    expect(JSON.stringify(read)).not.toContain(id('source', 'bulletin'));
    // The same quote, verbatim, is accepted.
    const involvement = {
      positionId: id('position', 'withdrawal'),
      actorId: id('actor', 'north'),
      role: 'BENEFICIARY',
      evidence: [{ sourceId: id('source', 'bulletin'), quote: 'North told South to pull back its troops.' }],
    };
    const accepted = await executeAs(app, tokens.tokens.editor, INVOLVE, { input: involvement });
    expect(accepted.errors).toBeUndefined();
  });

  it('refuses the stance’s own actor as its target, unknown ids and a reader, writing nothing', async () => {
    const own = await executeAs(app, tokens.tokens.editor, TARGET, {
      input: { stanceId: id('stance', 'north-demands'), actorId: id('actor', 'north'), evidence: [{ sourceId: id('source', 'wire'), quote }] },
    });
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.actorId' });
    const unknown = await executeAs(app, tokens.tokens.editor, TARGET, {
      input: { stanceId: id('stance', 'nowhere'), actorId: id('actor', 'south'), evidence: [{ sourceId: id('source', 'wire'), quote }] },
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unknown.errors)).toContain('input.stanceId');
    const reader = await executeAs(app, tokens.tokens.reader, TARGET, {
      input: { stanceId: id('stance', 'north-demands'), actorId: id('actor', 'south'), evidence: [{ sourceId: id('source', 'wire'), quote }] },
    });
    expect(codeOf(reader)).toBe('FORBIDDEN');
  });

  it('records an involvement and an invitee', async () => {
    const involvement = await queryAs(app, tokens.tokens.editor, INVOLVE, {
      input: {
        positionId: id('position', 'withdrawal'),
        actorId: id('actor', 'south'),
        role: 'MUST_ACT',
        evidence: [{ sourceId: id('source', 'wire'), quote }],
      },
    });
    expect(involvement.recordInvolvement).toMatchObject({
      role: 'MUST_ACT',
      actor: { id: id('actor', 'south') },
      position: { id: id('position', 'withdrawal') },
    });
    const invited = await queryAs(app, tokens.tokens.editor, ATTEND, {
      input: { actorId: id('actor', 'south'), meetingId: id('meeting', 'summit'), role: 'INVITED', evidence: [{ sourceId: id('source', 'wire'), quote }] },
    });
    expect(invited.recordAttendance).toEqual({ role: 'INVITED', actor: { id: id('actor', 'south') }, meeting: { id: id('meeting', 'summit') } });
    const read = await queryAs(app, null, `query ($id: ID!) { actor(id: $id) { involvedIn { role } attended { role } } }`, { id: id('actor', 'south') });
    expect(read.actor).toEqual({ involvedIn: [{ role: 'MUST_ACT' }], attended: [{ role: 'INVITED' }] });
  });

  it('creates and updates a meeting with a kind', async () => {
    const created = await queryAs(app, tokens.tokens.editor, `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id kind } }`, {
      input: {
        id: id('meeting', 'call'),
        title: 'A call',
        kind: 'PHONE_CALL',
        status: 'HELD',
        date: '2025-07-01',
        evidence: [{ sourceId: id('source', 'wire'), quote }],
      },
    });
    expect(created.createMeeting.kind).toBe('PHONE_CALL');
    const updated = await queryAs(app, tokens.tokens.editor, `mutation ($id: ID!) { updateMeeting(id: $id, input: { kind: CONSULTATION }) { kind } }`, {
      id: id('meeting', 'call'),
    });
    expect(updated.updateMeeting.kind).toBe('CONSULTATION');
  });
});

/**
 * Curating the graph through the API (issue #5), on the real Neo4j: authenticated writes,
 * validation with field-level messages, one transaction per mutation, CONFLICT on duplicates,
 * retraction that hides and keeps, and the audit log. Every id this suite creates carries a
 * per-run marker and is deleted afterwards; seed data is only read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { codeOf, countWithId, deleteRunData, executeAs, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
const ids = {
  source: `source:${marker}-wire-2025-06-03`,
  source2: `source:${marker}-gazette-2025-06-04`,
  actor: `actor:${marker}-negotiator`,
  position: `position:${marker}-prisoner-swap`,
  meeting: `meeting:${marker}-istanbul-2025-06-03`,
  stance: `stance:${marker}-negotiator-proposed-prisoner-swap`,
  retracted: `stance:${marker}-negotiator-rejected-prisoner-swap`,
};
const quote = 'The negotiator proposed a swap of all prisoners.';

let app: App;
let tokens: TestTokens;
let tokenDir: string;

const CREATE_ACTOR = /* GraphQL */ `
  mutation ($input: CreateActorInput!) {
    createActor(input: $input) {
      id
      name
      kind
      aliases
      description
      evidence {
        quote
        source {
          id
        }
      }
    }
  }
`;
const RECORD_STANCE = /* GraphQL */ `
  mutation ($input: RecordStanceInput!) {
    recordStance(input: $input) {
      id
      kind
      status
      recordedBy
      recordedAt
      date
      actor {
        id
      }
      position {
        id
      }
      meeting {
        id
      }
      sources {
        id
      }
      evidence {
        quote
      }
    }
  }
`;
const STANCES_OF = /* GraphQL */ `
  query ($actorId: ID!, $includeRetracted: Boolean) {
    stances(filter: { actorIds: [$actorId], includeRetracted: $includeRetracted }) {
      total
      items {
        id
        kind
        status
        retractedBy
        retractionReason
        retractedAt
        sources {
          id
          publisher
        }
        evidence {
          quote
          source {
            id
          }
        }
      }
    }
  }
`;
const AUDIT_OF = /* GraphQL */ `
  query ($targetId: ID!) {
    auditLog(filter: { targetId: $targetId }) {
      total
      items {
        action
        by
        targetKind
        targetId
        summary
        changes
        via
        at
      }
    }
  }
`;

const stanceInput = (over: Record<string, unknown> = {}) => ({
  id: ids.stance,
  kind: 'PROPOSED',
  actorId: ids.actor,
  positionId: ids.position,
  meetingId: ids.meeting,
  date: '2025-06-03',
  cameo: '0353',
  plover: { event: 'AGREE', context: ['humanitarian'] },
  evidence: [{ sourceId: ids.source, quote }],
  ...over,
});

beforeAll(async () => {
  tokens = makeTokens(marker);
  tokenDir = mkdtempSync(join(tmpdir(), 'ng-curation-'));
  app = await createTestApp({ AUTH_TOKENS: tokens.env, AUTH_TOKENS_FILE: join(tokenDir, 'tokens.json') });
  const editor = tokens.tokens.editor;
  // The sources, actor, position and meeting the stances refer to.
  await queryAs(app, editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: ids.source, publisher: 'Test Wire', title: 'Third round ends', publishedAt: '2025-06-03', language: 'en', url: 'https://example.org/a' },
  });
  await queryAs(app, editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: ids.source2, publisher: 'Test Gazette', title: 'Swap agreed', publishedAt: '2025-06-04', language: 'en' },
  });
  await queryAs(app, editor, CREATE_ACTOR, {
    input: {
      id: ids.actor,
      name: 'Test Negotiator',
      kind: 'PERSON',
      aliases: ['T. Negotiator'],
      evidence: [{ sourceId: ids.source, quote: 'The negotiator arrived.' }],
    },
  });
  await queryAs(app, editor, `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
    input: {
      id: ids.position,
      type: 'PROPOSAL',
      title: 'Swap of all prisoners',
      topics: ['PRISONERS_AND_REMAINS'],
      evidence: [{ sourceId: ids.source, quote }],
    },
  });
  await queryAs(app, editor, `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`, {
    input: {
      id: ids.meeting,
      title: 'Test round',
      round: 99,
      date: '2025-06-03',
      city: 'Istanbul',
      status: 'HELD',
      evidence: [{ sourceId: ids.source, quote: 'The round ended.' }],
    },
  });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
  rmSync(tokenDir, { recursive: true, force: true });
});

describe('access', () => {
  const input = () => ({ id: `actor:${marker}-intruder`, name: 'Intruder', kind: 'PERSON', evidence: [{ sourceId: ids.source, quote: 'x' }] });

  it('refuses an unauthenticated write and writes nothing', async () => {
    const result = await executeAs(app, null, CREATE_ACTOR, { input: input() });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
    const stance = await executeAs(app, null, RECORD_STANCE, { input: stanceInput({ id: `stance:${marker}-anonymous` }) });
    expect(codeOf(stance)).toBe('UNAUTHENTICATED');
    expect(await countWithId(app, `actor:${marker}-intruder`)).toBe(0);
    expect(await countWithId(app, `stance:${marker}-anonymous`)).toBe(0);
  });

  it('refuses a reader’s write (FORBIDDEN) and a wrong token (UNAUTHENTICATED), writing nothing', async () => {
    expect(codeOf(await executeAs(app, tokens.tokens.reader, CREATE_ACTOR, { input: input() }))).toBe('FORBIDDEN');
    const forged = tokens.tokens.editor.slice(0, -2) + 'xx';
    expect(codeOf(await executeAs(app, forged, CREATE_ACTOR, { input: input() }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await executeAs(app, 'garbage', `{ actors { total } }`))).toBe('UNAUTHENTICATED');
    expect(await countWithId(app, `actor:${marker}-intruder`)).toBe(0);
    const audit = await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: `actor:${marker}-intruder` });
    expect(audit.auditLog.total).toBe(0);
  });

  it('shows the audit log and who recorded what only to editors: they name token holders', async () => {
    const anonymous = await executeAs(app, null, AUDIT_OF, { targetId: ids.actor });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.data).toBeNull();
    expect(codeOf(await executeAs(app, tokens.tokens.reader, AUDIT_OF, { targetId: ids.actor }))).toBe('FORBIDDEN');
    expect((await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: ids.actor })).auditLog.total).toBeGreaterThanOrEqual(0);

    const WHO = `{ stances(page: { limit: 1 }) { items { id recordedBy retractedBy } } }`;
    const asReader = await executeAs(app, tokens.tokens.reader, WHO);
    expect(codeOf(asReader)).toBe('FORBIDDEN');
    expect(asReader.errors?.map((e) => e.path?.at(-1))).toEqual(['recordedBy', 'retractedBy']);
    expect(asReader.data?.['stances']?.items[0]).toMatchObject({ recordedBy: null, retractedBy: null });
    expect(codeOf(await executeAs(app, null, WHO))).toBe('UNAUTHENTICATED');
    expect((await executeAs(app, tokens.tokens.editor, WHO)).errors).toBeUndefined();
    // The rest of a stance stays open to every reader.
    expect((await queryAs(app, null, `{ stances(page: { limit: 1 }) { items { id recordedAt status } } }`)).stances.items).toHaveLength(1);
  });

  it('keeps reads open by default, and says who a token belongs to', async () => {
    const data = await queryAs(app, null, `{ viewer { name } actors(page: { limit: 1 }) { total } }`);
    expect(data.viewer).toBeNull();
    expect(data.actors.total).toBeGreaterThan(0);
    expect((await queryAs(app, tokens.tokens.editor, `{ viewer { name role } }`)).viewer).toEqual({ name: tokens.names.editor, role: 'editor' });
  });

  it('can require a token for reads (READS_REQUIRE_TOKEN)', async () => {
    const closed = await createTestApp({ AUTH_TOKENS: tokens.env, READS_REQUIRE_TOKEN: 'true' });
    try {
      expect(codeOf(await executeAs(closed, null, `{ actors { total } }`))).toBe('UNAUTHENTICATED');
      expect((await queryAs(closed, tokens.tokens.reader, `{ actors { total } }`)).actors.total).toBeGreaterThan(0);
      // The REST exports read the graph too.
      const server: Server = createServer(closed.http);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export/stances.jsonl`;
      try {
        const anonymous = await fetch(url);
        expect(anonymous.status).toBe(401);
        expect(((await anonymous.json()) as any).error.code).toBe('UNAUTHENTICATED');
        const reader = await fetch(url, { headers: { authorization: `Bearer ${tokens.tokens.reader}` } });
        expect(reader.status).toBe(200);
        expect((await reader.text()).length).toBeGreaterThan(0);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      await closed.stop();
    }
  });

  it('reads the bearer token from the HTTP Authorization header', async () => {
    const server: Server = createServer(app.http);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const post = (authorization?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ viewer { name role } }' }),
      });
    try {
      const anonymous = await post();
      expect(((await anonymous.json()) as any).data.viewer).toBeNull();
      const signed = await post(`Bearer ${tokens.tokens.admin}`);
      expect(((await signed.json()) as any).data.viewer).toEqual({ name: tokens.names.admin, role: 'admin' });
      const forged = await post('Bearer ngt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(forged.status).toBe(401);
      const body = (await forged.json()) as any;
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      // The token is never echoed back.
      expect(JSON.stringify(body)).not.toContain('AAAAAAAA');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('recording a stance', () => {
  it('stores a valid stance with its source; it appears in stances', async () => {
    const { recordStance } = await queryAs(app, tokens.tokens.editor, RECORD_STANCE, { input: stanceInput() });
    expect(recordStance).toMatchObject({
      id: ids.stance,
      kind: 'PROPOSED',
      status: 'ACTIVE',
      recordedBy: tokens.names.editor,
      date: '2025-06-03',
      actor: { id: ids.actor },
      position: { id: ids.position },
      meeting: { id: ids.meeting },
      sources: [{ id: ids.source }],
      evidence: [{ quote }],
    });
    expect(Date.parse(recordStance.recordedAt)).toBeGreaterThan(Date.now() - 60_000);

    const { stances } = await queryAs(app, tokens.tokens.editor, STANCES_OF, { actorId: ids.actor });
    expect(stances.items).toEqual([
      expect.objectContaining({
        id: ids.stance,
        status: 'ACTIVE',
        sources: [{ id: ids.source, publisher: 'Test Wire' }],
        evidence: [{ quote, source: { id: ids.source } }],
      }),
    ]);
    const { actor } = await queryAs(app, null, `query ($id: ID!) { actor(id: $id) { proposed { id } } }`, { id: ids.actor });
    expect(actor.proposed).toEqual([{ id: ids.stance }]);

    const audit = await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: ids.stance });
    expect(audit.auditLog.items).toEqual([expect.objectContaining({ action: 'CREATE', by: tokens.names.editor, targetKind: 'STANCE', via: 'api' })]);
  });

  it('refuses a stance without a source, naming the field, and writes nothing', async () => {
    const id = `stance:${marker}-unsourced`;
    const empty = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, { input: stanceInput({ id, evidence: [] }) });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.['argument']).toBe('input.evidence');
    expect(empty.errors?.[0]?.message).toMatch(/"input\.evidence" must name at least 1 source/);

    const { evidence: _left, ...withoutEvidence } = stanceInput({ id });
    const missing = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, { input: withoutEvidence });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.message).toContain('evidence');
    expect(await countWithId(app, id)).toBe(0);
  });

  it('refuses unknown references and bad dates with field-level messages, writing nothing', async () => {
    const id = `stance:${marker}-invalid`;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ actorId: `actor:${marker}-nobody` }, 'input.actorId', /refers to "actor:.*-nobody", which does not exist/],
      [{ meetingId: `meeting:${marker}-never` }, 'input.meetingId', /does not exist/],
      [{ evidence: [{ sourceId: `source:${marker}-unknown`, quote }] }, 'input.evidence[0].sourceId', /does not exist/],
      [{ date: '2099-01-01' }, 'input.date', /cannot be in the future/],
      [{ actorId: 'Medinsky' }, 'input.actorId', /must look like "actor:<slug>"/],
    ];
    for (const [over, field, message] of cases) {
      const result = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, { input: stanceInput({ id, ...over }) });
      expect(codeOf(result), field).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['argument'], field).toBe(field);
      expect(result.errors?.[0]?.message, field).toMatch(message);
    }
    // A date that is not on the calendar is refused by the LocalDate scalar, naming the field.
    const badDate = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, { input: stanceInput({ id, date: '2025-02-30' }) });
    expect(codeOf(badDate)).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0]?.message).toContain('input.date');
    // An unknown enum value, likewise.
    const badKind = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, { input: stanceInput({ id, kind: 'ADORED' }) });
    expect(codeOf(badKind)).toBe('BAD_USER_INPUT');
    expect(badKind.errors?.[0]?.message).toContain('input.kind');
    // Every problem at once, those only the graph can tell included.
    const many = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, {
      input: stanceInput({ id, cameo: 'x', meetingId: `meeting:${marker}-never`, evidence: [{ sourceId: ids.source, quote: 'a\nb' }], date: '1800-01-01' }),
    });
    expect((many.errors?.[0]?.extensions?.['problems'] as Array<{ field: string }>).map((p) => p.field)).toEqual([
      'input.date',
      'input.cameo',
      'input.evidence[0].quote',
      'input.meetingId',
    ]);

    expect(await countWithId(app, id)).toBe(0);
    expect((await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: id })).auditLog.total).toBe(0);
    expect(
      (await queryAs(app, tokens.tokens.editor, STANCES_OF, { actorId: ids.actor, includeRetracted: true })).stances.items.map((s: { id: string }) => s.id),
    ).not.toContain(id);
  });

  it('adds a source to an existing stance, one quote per source', async () => {
    const ADD = `mutation ($stanceId: ID!, $evidence: EvidenceInput!) { addStanceSource(stanceId: $stanceId, evidence: $evidence) { sources { id } evidence { quote } } }`;
    const { addStanceSource } = await queryAs(app, tokens.tokens.editor, ADD, {
      stanceId: ids.stance,
      evidence: { sourceId: ids.source2, quote: 'A swap of all prisoners was put forward.' },
    });
    expect(addStanceSource.sources).toEqual([{ id: ids.source }, { id: ids.source2 }]);
    const again = await executeAs(app, tokens.tokens.editor, ADD, { stanceId: ids.stance, evidence: { sourceId: ids.source2, quote: 'Again.' } });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.['argument']).toBe('evidence.sourceId');
    const missing = await executeAs(app, tokens.tokens.editor, ADD, { stanceId: `stance:${marker}-none`, evidence: { sourceId: ids.source2, quote: 'x' } });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const { stances } = await queryAs(app, tokens.tokens.editor, STANCES_OF, { actorId: ids.actor });
    expect(stances.items[0].sources).toHaveLength(2);
  });
});

describe('duplicates', () => {
  it('refuses a second creation of the same id with CONFLICT, and keeps one node', async () => {
    const again = await executeAs(app, tokens.tokens.editor, CREATE_ACTOR, {
      input: { id: ids.actor, name: 'Someone else', kind: 'PERSON', evidence: [{ sourceId: ids.source, quote: 'x' }] },
    });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain(ids.actor);
    expect(await countWithId(app, ids.actor)).toBe(1);
    expect((await queryAs(app, null, `query ($id: ID!) { actor(id: $id) { name } }`, { id: ids.actor })).actor.name).toBe('Test Negotiator');
    const stance = await executeAs(app, tokens.tokens.editor, RECORD_STANCE, { input: stanceInput({ kind: 'REJECTED' }) });
    expect(codeOf(stance)).toBe('CONFLICT');
    expect(await countWithId(app, ids.stance)).toBe(1);
  });

  it('lets only one of several concurrent creations of an id through', async () => {
    const id = `source:${marker}-race-2025-06-05`;
    const create = () =>
      executeAs(app, tokens.tokens.editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
        input: { id, publisher: 'Race', title: 'Concurrent', publishedAt: '2025-06-05' },
      });
    const results = await Promise.all([create(), create(), create(), create()]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await countWithId(app, id)).toBe(1);
    // The losers' transactions wrote nothing, not even an audit entry.
    expect((await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: id })).auditLog.total).toBe(1);
  });

  it('makes ids from names when none is given', async () => {
    const { createActor } = await queryAs(app, tokens.tokens.editor, CREATE_ACTOR, {
      input: { name: `Ömer Çelik ${marker}`, kind: 'PERSON', evidence: [{ sourceId: ids.source, quote: 'Çelik spoke.' }] },
    });
    expect(createActor.id).toBe(`actor:omer-celik-${marker}`);
  });
});

describe('retraction', () => {
  const RETRACT = `mutation ($id: ID!, $reason: String!) { retractStance(id: $id, reason: $reason) { id status retractedBy retractedAt retractionReason } }`;

  it('needs role admin, hides the stance by default and keeps it on request', async () => {
    await queryAs(app, tokens.tokens.editor, RECORD_STANCE, {
      input: stanceInput({ id: ids.retracted, kind: 'REJECTED', evidence: [{ sourceId: ids.source2, quote: 'Rejected, says the gazette.' }] }),
    });
    expect((await queryAs(app, tokens.tokens.editor, STANCES_OF, { actorId: ids.actor })).stances.total).toBe(2);

    const byEditor = await executeAs(app, tokens.tokens.editor, RETRACT, { id: ids.retracted, reason: 'Misattributed' });
    expect(codeOf(byEditor)).toBe('FORBIDDEN');
    const noReason = await executeAs(app, tokens.tokens.admin, RETRACT, { id: ids.retracted, reason: ' ' });
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.extensions?.['argument']).toBe('reason');

    const { retractStance } = await queryAs(app, tokens.tokens.admin, RETRACT, { id: ids.retracted, reason: 'The gazette corrected its report.' });
    expect(retractStance).toMatchObject({
      id: ids.retracted,
      status: 'RETRACTED',
      retractedBy: tokens.names.admin,
      retractionReason: 'The gazette corrected its report.',
    });
    expect(Date.parse(retractStance.retractedAt)).toBeGreaterThan(Date.now() - 60_000);

    const hidden = await queryAs(app, tokens.tokens.editor, STANCES_OF, { actorId: ids.actor });
    expect(hidden.stances.items.map((s: { id: string }) => s.id)).toEqual([ids.stance]);
    const shown = await queryAs(app, tokens.tokens.editor, STANCES_OF, { actorId: ids.actor, includeRetracted: true });
    expect(shown.stances.items.find((s: { id: string }) => s.id === ids.retracted)).toMatchObject({
      status: 'RETRACTED',
      retractedBy: tokens.names.admin,
      sources: [{ id: ids.source2, publisher: 'Test Gazette' }],
    });
    const { actor } = await queryAs(app, null, `query ($id: ID!) { actor(id: $id) { rejected { id } all: rejected(includeRetracted: true) { id status } } }`, {
      id: ids.actor,
    });
    expect(actor.rejected).toEqual([]);
    expect(actor.all).toEqual([{ id: ids.retracted, status: 'RETRACTED' }]);
    // Kept, not deleted.
    expect(await countWithId(app, ids.retracted)).toBe(1);

    const twice = await executeAs(app, tokens.tokens.admin, RETRACT, { id: ids.retracted, reason: 'Again' });
    expect(codeOf(twice)).toBe('CONFLICT');
    const audit = await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: ids.retracted });
    expect(audit.auditLog.items.map((e: { action: string; by: string }) => `${e.action} ${e.by}`)).toEqual([
      `RETRACT ${tokens.names.admin}`,
      `CREATE ${tokens.names.editor}`,
    ]);
  });
});

describe('updates and the audit log', () => {
  const UPDATE_ACTOR = `mutation ($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name aliases description evidence { quote } } }`;

  it('changes fields, keeps evidence and search keys in step, and logs who changed what', async () => {
    const { updateActor } = await queryAs(app, tokens.tokens.editor, UPDATE_ACTOR, {
      id: ids.actor,
      input: { name: `Test Négociateur ${marker}`, description: 'Head of the test delegation.' },
    });
    expect(updateActor).toMatchObject({
      name: `Test Négociateur ${marker}`,
      aliases: ['T. Negotiator'],
      description: 'Head of the test delegation.',
      evidence: [{ quote: 'The negotiator arrived.' }],
    });
    // The folded search key follows the new name ("negociateur" finds "Négociateur").
    const found = await queryAs(app, null, `query ($name: String!) { actors(name: $name) { items { id } } }`, { name: `negociateur ${marker}` });
    expect(found.actors.items).toEqual([{ id: ids.actor }]);

    const audit = await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: ids.actor });
    expect(audit.auditLog.items[0]).toMatchObject({
      action: 'UPDATE',
      by: tokens.names.editor,
      changes: { name: { from: 'Test Negotiator', to: `Test Négociateur ${marker}` }, description: { from: null, to: 'Head of the test delegation.' } },
    });
    expect(audit.auditLog.items.map((e: { action: string }) => e.action)).toEqual(['UPDATE', 'CREATE']);
    expect(Date.parse(audit.auditLog.items[0].at)).toBeGreaterThanOrEqual(Date.parse(audit.auditLog.items[1].at));

    // The same values again change nothing and log nothing.
    await queryAs(app, tokens.tokens.editor, UPDATE_ACTOR, { id: ids.actor, input: { description: 'Head of the test delegation.' } });
    expect((await queryAs(app, tokens.tokens.editor, AUDIT_OF, { targetId: ids.actor })).auditLog.total).toBe(2);
  });

  it('validates updates and refuses unknown ids', async () => {
    const cleared = await executeAs(app, tokens.tokens.editor, UPDATE_ACTOR, { id: ids.actor, input: { name: null } });
    expect(codeOf(cleared)).toBe('BAD_USER_INPUT');
    expect(cleared.errors?.[0]?.extensions?.['argument']).toBe('input.name');
    const missing = await executeAs(app, tokens.tokens.editor, UPDATE_ACTOR, { id: `actor:${marker}-ghost`, input: { name: 'Ghost' } });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const meeting = await executeAs(
      app,
      tokens.tokens.editor,
      `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`,
      {
        id: ids.meeting,
        input: { startedAt: '2025-06-03T15:00:00+03:00', endedAt: '2025-06-03T14:00:00+03:00' },
      },
    );
    expect(meeting.errors?.[0]?.extensions?.['argument']).toBe('input.endedAt');
  });

  it('updates meetings, positions, documents and sources', async () => {
    const editor = tokens.tokens.editor;
    const { updateMeeting } = await queryAs(
      app,
      editor,
      `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { venue durationMinutes date } }`,
      {
        id: ids.meeting,
        input: { venue: 'Çırağan Palace', durationMinutes: 74 },
      },
    );
    expect(updateMeeting).toEqual({ venue: 'Çırağan Palace', durationMinutes: 74, date: '2025-06-03' });
    const { updatePosition } = await queryAs(
      app,
      editor,
      `mutation ($id: ID!, $input: UpdatePositionInput!) { updatePosition(id: $id, input: $input) { __typename type topics } }`,
      {
        id: ids.position,
        input: { type: 'DEMAND', topics: ['PRISONERS_AND_REMAINS', 'HUMANITARIAN_CIVILIANS'] },
      },
    );
    expect(updatePosition).toEqual({ __typename: 'Demand', type: 'DEMAND', topics: ['PRISONERS_AND_REMAINS', 'HUMANITARIAN_CIVILIANS'] });
    const { updateSource } = await queryAs(
      app,
      editor,
      `mutation ($id: ID!, $input: UpdateSourceInput!) { updateSource(id: $id, input: $input) { url publishedAt } }`,
      {
        id: ids.source2,
        input: { url: 'https://example.org/gazette' },
      },
    );
    expect(updateSource).toEqual({ url: 'https://example.org/gazette', publishedAt: '2025-06-04' });
    const documentId = `document:${marker}-list`;
    await queryAs(app, editor, `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`, {
      input: { id: documentId, title: 'List of prisoners', kind: 'LIST', evidence: [{ sourceId: ids.source, quote: 'A list was handed over.' }] },
    });
    const { updateDocument } = await queryAs(
      app,
      editor,
      `mutation ($id: ID!, $input: UpdateDocumentInput!) { updateDocument(id: $id, input: $input) { pages kind } }`,
      {
        id: documentId,
        input: { pages: 12 },
      },
    );
    expect(updateDocument).toEqual({ pages: 12, kind: 'LIST' });
  });

  it('records a disagreement between sources', async () => {
    const { recordDisagreement } = await queryAs(
      app,
      tokens.tokens.editor,
      `mutation ($input: RecordDisagreementInput!) { recordDisagreement(input: $input) { id summary versions { claim quote source { id } } concerns { __typename } } }`,
      {
        input: {
          id: `disagreement:${marker}-swap-size`,
          summary: 'How many prisoners the swap covers.',
          concerns: [ids.position],
          versions: [
            { sourceId: ids.source, claim: 'All prisoners.', quote },
            { sourceId: ids.source2, claim: 'Some prisoners.', quote: 'A swap of some prisoners.' },
          ],
        },
      },
    );
    expect(recordDisagreement.versions.map((v: { source: { id: string } }) => v.source.id)).toEqual([ids.source, ids.source2]);
    expect(recordDisagreement.concerns).toHaveLength(1);
    const oneSource = await executeAs(app, tokens.tokens.editor, `mutation ($input: RecordDisagreementInput!) { recordDisagreement(input: $input) { id } }`, {
      input: { summary: 'One-sided', concerns: [ids.position], versions: [{ sourceId: ids.source, claim: 'a', quote: 'b' }] },
    });
    expect(oneSource.errors?.[0]?.extensions?.['argument']).toBe('input.versions');
  });

  it('lists changes newest first, filtered by who made them', async () => {
    const { auditLog } = await queryAs(
      app,
      tokens.tokens.editor,
      `query ($by: String!) { auditLog(filter: { by: $by }, page: { limit: 200 }) { total items { at by action targetId } } }`,
      { by: tokens.names.editor },
    );
    expect(auditLog.total).toBeGreaterThanOrEqual(10);
    const times = auditLog.items.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(auditLog.items.every((e: { by: string }) => e.by === tokens.names.editor)).toBe(true);
    expect(auditLog.items.at(-1).targetId).toBe(ids.source);
  });
});

describe('token management', () => {
  it('lets an admin create and revoke tokens; the secret is shown once and works at once', async () => {
    const CREATE = `mutation ($name: String!, $role: String!) { createApiToken(name: $name, role: $role) { token apiToken { id name role origin } } }`;
    expect(codeOf(await executeAs(app, tokens.tokens.editor, CREATE, { name: `x-${marker}`, role: 'editor' }))).toBe('FORBIDDEN');
    const { createApiToken } = await queryAs(app, tokens.tokens.admin, CREATE, { name: `analyst-${marker}`, role: 'editor' });
    expect(createApiToken.apiToken).toMatchObject({ name: `analyst-${marker}`, role: 'editor', origin: 'database' });
    const secret = createApiToken.token as string;
    expect((await queryAs(app, secret, `{ viewer { name } }`)).viewer.name).toBe(`analyst-${marker}`);
    const listed = await queryAs(app, tokens.tokens.admin, `{ apiTokens { id name origin } }`);
    expect(JSON.stringify(listed)).not.toContain(secret.slice('ngt_'.length + 13));
    expect(listed.apiTokens.map((t: { id: string }) => t.id)).toContain(createApiToken.apiToken.id);

    await queryAs(app, tokens.tokens.admin, `mutation ($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: createApiToken.apiToken.id });
    expect(codeOf(await executeAs(app, secret, `{ viewer { name } }`))).toBe('UNAUTHENTICATED');
    const audit = await queryAs(
      app,
      tokens.tokens.editor,
      `query ($by: String!) { auditLog(filter: { by: $by, targetKinds: [API_TOKEN] }) { items { action targetId } } }`,
      {
        by: tokens.names.admin,
      },
    );
    expect(audit.auditLog.items.map((e: { action: string }) => e.action)).toEqual(['REVOKE', 'CREATE']);
  });
});

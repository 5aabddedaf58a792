/**
 * Subscriptions over WebSocket (graphql-ws) on a serving app: every kind of stance change and
 * finished imports arrive in commit order, once each; filters hold; auth applies as it does
 * to queries. The replicas test shows the same across two processes.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { createToken, revokeToken } from '../../src/auth/token.service.js';
import { createLogger } from '../../src/logging/logger.js';
import { AuditFollower, type FollowedEntry } from '../../src/subscriptions/audit-follower.js';
import { deleteRunData, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { ensurePythonEnv, runCommand } from '../helpers/python-env.js';
import { type Replica, subscribe, type Subscription } from '../helpers/replicas.js';
import { testConfig } from '../helpers/test-app.js';

const marker = runMarker();
const ids = {
  source: `source:${marker}-live-wire`,
  source2: `source:${marker}-live-herald`,
  actor: `actor:${marker}-live-envoy`,
  position: `position:${marker}-live-truce`,
  stance: `stance:${marker}-live-envoy-proposed-truce`,
  dataset: `dataset:${marker}-live`,
  imported: `actor:${marker}-live-imported`,
};

let tokens: TestTokens;
let app: App;
let server: Server;
/** The serving app, in the shape the subscription helpers take. */
let target: Replica;

const STANCE_CHANGED = `subscription ($filter: StanceChangeFilter) {
  stanceChanged(filter: $filter) { change stanceId by sequence stance { status sources { id } } }
}`;

async function serve(env: Record<string, string>): Promise<{ app: App; server: Server; target: Replica }> {
  const httpServer = createServer();
  const served = await createApp(testConfig({ ...env, SUBSCRIPTION_POLL_MS: '100' }), { httpServer });
  await served.database.prepare();
  httpServer.on('request', served.http);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as { port: number }).port;
  const replica = { name: 'in-process', url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/graphql` } as Replica;
  return { app: served, server: httpServer, target: replica };
}

async function subscribed(query: string, options: Parameters<typeof subscribe>[2] = {}, on: Replica = target): Promise<Subscription> {
  const subscription = subscribe(on, query, options);
  await new Promise<void>((resolve) => {
    subscription.client.on('connected', () => resolve());
    subscription.client.on('closed', () => resolve());
  });
  // The subscribe message follows the acknowledgement; give the server a moment to register it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return subscription;
}

beforeAll(async () => {
  tokens = makeTokens(marker);
  ({ app, server, target } = await serve({ AUTH_TOKENS: tokens.env }));
  const editor = tokens.tokens.editor;
  await queryAs(app, editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: ids.source, publisher: 'Live Wire', title: 'Truce', publishedAt: '2025-06-05', language: 'en' },
  });
  await queryAs(app, editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: ids.source2, publisher: 'Live Herald', title: 'Truce, again', publishedAt: '2025-06-06', language: 'en' },
  });
  await queryAs(app, editor, `mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }`, {
    input: { id: ids.actor, name: 'Live Envoy', kind: 'PERSON', evidence: [{ sourceId: ids.source, quote: 'The envoy spoke.' }] },
  });
  await queryAs(app, editor, `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
    input: { id: ids.position, type: 'PROPOSAL', title: 'A live truce', topics: ['CEASEFIRE'], evidence: [{ sourceId: ids.source, quote: 'A truce.' }] },
  });
}, 120_000);

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
  server?.close();
});

describe('subscriptions', () => {
  it('stanceChanged: recorded, sources added, updated and retracted arrive in order, once each, filtered', async () => {
    const all = await subscribed(STANCE_CHANGED, { variables: { filter: { actorIds: [ids.actor] } } });
    const asEditor = await subscribed(STANCE_CHANGED, { token: tokens.tokens.editor, variables: { filter: { actorIds: [ids.actor] } } });
    const asReader = await subscribed(STANCE_CHANGED, { token: tokens.tokens.reader, variables: { filter: { actorIds: [ids.actor] } } });
    const retractions = await subscribed(STANCE_CHANGED, { variables: { filter: { actorIds: [ids.actor], changes: ['RETRACTED'] } } });
    const elsewhere = await subscribed(STANCE_CHANGED, { variables: { filter: { actorIds: ['actor:russia'] } } });
    try {
      await queryAs(app, tokens.tokens.editor, `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`, {
        input: { id: ids.stance, kind: 'PROPOSED', actorId: ids.actor, positionId: ids.position, evidence: [{ sourceId: ids.source, quote: 'Proposed.' }] },
      });
      await queryAs(app, tokens.tokens.editor, `mutation ($id: ID!, $e: EvidenceInput!) { addStanceSource(stanceId: $id, evidence: $e) { id } }`, {
        id: ids.stance,
        e: { sourceId: ids.source2, quote: 'Proposed, again.' },
      });
      await queryAs(app, tokens.tokens.admin, `mutation ($id: ID!) { retractStance(id: $id, reason: "Misread") { id } }`, { id: ids.stance });

      const events = (await all.next(3, 15_000)).map((e) => e.data.stanceChanged);
      expect(events.map((e) => e.change)).toEqual(['RECORDED', 'SOURCES_ADDED', 'RETRACTED']);
      expect(events.every((e) => e.stanceId === ids.stance)).toBe(true);
      // Who typed a fact in is for editors (as Stance.recordedBy and the audit log are): an
      // anonymous subscriber gets the event, with no name in it and an error saying why.
      expect(events.map((e) => e.by)).toEqual([null, null, null]);
      for (const event of all.events) {
        expect(event.errors?.map((error: any) => ({ code: error.extensions?.code, path: error.path }))).toEqual([
          { code: 'UNAUTHENTICATED', path: ['stanceChanged', 'by'] },
        ]);
      }
      expect(JSON.stringify(all.events)).not.toContain(tokens.names.editor);
      expect(events[1].sequence).toBe(events[0].sequence + 1);
      expect(events[2].sequence).toBe(events[1].sequence + 1);
      // Each event shows the stance as it is when delivered.
      expect(events[2].stance.status).toBe('RETRACTED');
      expect((await retractions.next(1, 5_000)).map((e) => e.data.stanceChanged.change)).toEqual(['RETRACTED']);

      // An editor's subscription names who made each change; a reader's does not.
      const named = (await asEditor.next(3, 15_000)).map((e) => e.data.stanceChanged);
      expect(named.map((e) => [e.change, e.by])).toEqual([
        ['RECORDED', tokens.names.editor],
        ['SOURCES_ADDED', tokens.names.editor],
        ['RETRACTED', tokens.names.admin],
      ]);
      expect(asEditor.events.every((e) => e.errors === undefined)).toBe(true);
      const read = await asReader.next(3, 15_000);
      expect(read.map((e) => e.data.stanceChanged.by)).toEqual([null, null, null]);
      expect(read.map((e) => e.errors?.[0]?.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);

      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(all.events).toHaveLength(3);
      expect(retractions.events).toHaveLength(1);
      expect(elsewhere.events).toHaveLength(0);
      expect([...all.errors, ...asEditor.errors, ...asReader.errors, ...retractions.errors, ...elsewhere.errors]).toEqual([]);
    } finally {
      await Promise.all([all.close(), asEditor.close(), asReader.close(), retractions.close(), elsewhere.close()]);
    }
  });

  it('importFinished: once per import that changed something, with its counts; who imported only for editors', async () => {
    const IMPORT_FINISHED = `subscription { importFinished { by via created updated changes } }`;
    const imports = await subscribed(IMPORT_FINISHED, { token: tokens.tokens.editor });
    const anonymous = await subscribed(IMPORT_FINISHED);
    try {
      const dataset = {
        formatVersion: 1,
        dataset: { id: ids.dataset, title: 'Live import (test)', description: 'For the subscription tests.' },
        sources: [{ id: `source:${marker}-live-import`, publisher: 'Import Wire', title: 'Imported', publishedAt: '2025-06-07', language: 'en', url: null }],
        actors: [
          {
            id: ids.imported,
            name: 'Imported Envoy',
            kind: 'PERSON',
            aliases: [],
            description: 'Imported.',
            evidence: [{ sourceId: `source:${marker}-live-import`, quote: 'Imported envoy.' }],
          },
        ],
      };
      const IMPORT = `mutation ($dataset: JSON!) { importDataset(dataset: $dataset) { created updated unchanged } }`;
      const first = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset });
      expect(first.importDataset.created).toBeGreaterThan(0);
      // The same file again changes nothing, and so finishes no import a dashboard must hear of.
      await queryAs(app, tokens.tokens.editor, IMPORT, { dataset });
      const [event] = await imports.next(1, 15_000);
      const counts = { via: 'import', created: first.importDataset.created, updated: 0, changes: first.importDataset.created };
      expect(event?.data.importFinished).toEqual({ by: tokens.names.editor, ...counts });
      expect(event?.errors).toBeUndefined();
      const [unnamed] = await anonymous.next(1, 15_000);
      expect(unnamed?.data.importFinished).toEqual({ by: null, ...counts });
      expect(unnamed?.errors?.map((error: any) => [error.extensions?.code, error.path])).toEqual([['UNAUTHENTICATED', ['importFinished', 'by']]]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(imports.events).toHaveLength(1);
    } finally {
      await Promise.all([imports.close(), anonymous.close()]);
    }
  });

  it('stanceChanged: UPDATED when an import changes a stance', async () => {
    const id = `stance:${marker}-live-envoy-considering-truce`;
    const updates = await subscribed(
      `subscription ($filter: StanceChangeFilter) { stanceChanged(filter: $filter) { change stanceId by via stance { date } } }`,
      // `by` is for editors (as on queries), so this subscriber brings an editor token.
      { token: tokens.tokens.editor, variables: { filter: { actorIds: [ids.actor], changes: ['UPDATED'] } } },
    );
    try {
      // Only an import changes a stance in place (the API records, adds sources and retracts).
      const stance = {
        id,
        kind: 'CONSIDERING',
        actorId: ids.actor,
        positionId: ids.position,
        date: '2025-06-05',
        evidence: [{ sourceId: ids.source, quote: 'Under review.' }],
      };
      const dataset = (date: string) => ({
        formatVersion: 1,
        dataset: { id: `dataset:${marker}-live-updates`, title: 'Live updates (test)', description: 'For the subscription tests.' },
        stances: [{ ...stance, date }],
      });
      const IMPORT = `mutation ($dataset: JSON!) { importDataset(dataset: $dataset) { created updated } }`;
      expect((await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: dataset('2025-06-05') })).importDataset.created).toBeGreaterThan(0);
      expect((await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: dataset('2025-06-06') })).importDataset).toEqual({ created: 0, updated: 1 });

      const [event] = await updates.next(1, 15_000);
      expect(updates.errors).toEqual([]);
      expect(event?.data.stanceChanged).toEqual({ change: 'UPDATED', stanceId: id, by: tokens.names.editor, via: 'import', stance: { date: '2025-06-06' } });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(updates.events).toHaveLength(1);
    } finally {
      await updates.close();
    }
  });

  it('ends a subscription whose token is revoked, before it delivers anything more', async () => {
    const made = await createToken(app.executor, { name: `watcher-${marker}`, role: 'reader' }, { by: `admin-${marker}`, via: 'cli' });
    const filter = { filter: { actorIds: [ids.actor], changes: ['RECORDED'] } };
    const revoked = await subscribed(STANCE_CHANGED, { token: made.token, variables: filter });
    const kept = await subscribed(STANCE_CHANGED, { token: tokens.tokens.reader, variables: filter });
    try {
      await revokeToken(app.executor, made.info.id, { by: `admin-${marker}`, via: 'cli' });
      // A token is checked again at most every 10 s (src/graph/subscription-server.ts), when
      // there is something to deliver: the next change after that ends the subscription.
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      const id = `stance:${marker}-live-envoy-rejected-truce`;
      await queryAs(app, tokens.tokens.editor, `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`, {
        input: { id, kind: 'REJECTED', actorId: ids.actor, positionId: ids.position, evidence: [{ sourceId: ids.source, quote: 'Rejected.' }] },
      });

      expect((await kept.next(1, 15_000)).map((e) => e.data.stanceChanged.stanceId)).toEqual([id]);
      await revoked.next(1, 5_000);
      expect(revoked.events).toEqual([]);
      expect((revoked.errors[0] as any)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((revoked.errors[0] as any)?.[0]?.message).toMatch(/revoked/i);
      expect(kept.errors).toEqual([]);
    } finally {
      await Promise.all([revoked.close(), kept.close()]);
    }
  }, 60_000);

  it('applies auth as queries do: a bad token, or none where reads need one, is refused; only subscriptions run', async () => {
    const forged = await subscribed(STANCE_CHANGED, { token: tokens.tokens.reader.slice(0, -2) + 'xx' });
    expect(await forged.next(1, 5_000)).toEqual([]);
    expect((forged.errors[0] as any)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((forged.errors[0] as any)?.[0]?.message).toMatch(/not valid/);
    await forged.close();

    const query = await subscribed('{ viewer { name } }', { token: tokens.tokens.reader });
    await query.next(1, 5_000);
    expect((query.errors[0] as any)?.[0]?.message).toMatch(/only subscriptions/);
    await query.close();

    const closed = await serve({ AUTH_TOKENS: tokens.env, READS_REQUIRE_TOKEN: 'true' });
    try {
      const anonymous = await subscribed(STANCE_CHANGED, {}, closed.target);
      await anonymous.next(1, 5_000);
      expect((anonymous.errors[0] as any)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await anonymous.close();
      const reader = await subscribed(STANCE_CHANGED, { token: tokens.tokens.reader }, closed.target);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(reader.errors).toEqual([]);
      expect(reader.completed).toBe(false);
      await reader.close();
    } finally {
      await closed.app.stop();
      closed.server.close();
    }
  });
});

describe('the notebook client', () => {
  it('watch() yields subscription events as they happen', async () => {
    const python = await ensurePythonEnv();
    const script = [
      'import sys, json',
      `sys.path.insert(0, ${JSON.stringify(join(PROJECT_ROOT, 'notebooks'))})`,
      'from graphql_client import watch',
      'print("watching", flush=True)',
      'for event in watch("subscription ($ids: [ID!]) { stanceChanged(filter: {actorIds: $ids}) { change stanceId } }", {"ids": [sys.argv[1]]}, limit=1, timeout=30):',
      '    print(json.dumps(event), flush=True)',
    ].join('\n');
    const running = runCommand(python.python, ['-c', script, ids.actor], { env: { ...process.env, NEGOTIATION_GRAPH_URL: target.url } });
    // Give the client time to start, connect and subscribe.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const id = `stance:${marker}-live-envoy-agreed-truce`;
    await queryAs(app, tokens.tokens.editor, `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`, {
      input: { id, kind: 'AGREED_TO', actorId: ids.actor, positionId: ids.position, evidence: [{ sourceId: ids.source, quote: 'Agreed.' }] },
    });
    const result = await running;
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').slice(-1)[0] as string)).toEqual({ stanceChanged: { change: 'RECORDED', stanceId: id } });
  }, 600_000);
});

describe('the audit log that replicas follow', () => {
  const makeToken = (i: number) => createToken(app.executor, { name: `seq-${i}-${marker}`, role: 'reader' }, { by: `admin-${marker}`, via: 'cli' });
  const sequenceOf = async (tokenId: string) =>
    Number((await app.executor.runStatement('MATCH (e:AuditEntry {targetId: $id}) RETURN e.sequence AS s', { id: tokenId }, 'READ'))[0]?.['s']);

  it('numbers entries without gaps or duplicates, also when writers race', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => makeToken(i)));
    const sequences = (await Promise.all(made.map((m) => sequenceOf(m.info.id)))).sort((x, y) => x - y);
    expect(new Set(sequences).size).toBe(8);
    expect(sequences[7]! - sequences[0]!).toBe(7);
  });

  it('the follower delivers each entry once, in order, and passes a gap only after its grace period', async () => {
    const follower = new AuditFollower(app.executor, createLogger('silent'), { pollIntervalMs: 50, gapGraceMs: 400 });
    const delivered: FollowedEntry[] = [];
    follower.onEntries((entries) => void delivered.push(...entries));
    await follower.pollNow();
    const made = [];
    for (let i = 10; i < 13; i++) made.push(await makeToken(i));
    const [first, missing, last] = await Promise.all(made.map((m) => sequenceOf(m.info.id)));
    // An entry deleted by hand leaves a gap for good.
    await app.executor.runStatement('MATCH (e:AuditEntry {sequence: $s}) DELETE e', { s: missing });

    await follower.pollNow();
    await follower.pollNow();
    const mine = () => delivered.filter((e) => e.sequence >= first!).map((e) => e.sequence);
    expect(mine()).toEqual([first]);
    await new Promise((resolve) => setTimeout(resolve, 450));
    await follower.pollNow();
    await follower.pollNow();
    expect(mine()).toEqual([first, last]);
  });
});

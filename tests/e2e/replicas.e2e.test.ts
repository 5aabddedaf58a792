/**
 * Two API replicas (separate processes, as `npm start` runs them) on one Neo4j: the API keeps
 * no state of its own, so a token made on one works on the other, a revocation on one is
 * refused by the other, a write through one is read through the other (with its bookmark), a
 * subscriber on one hears of a write through the other, and one dying leaves the other serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp, type App } from '../../src/app.js';
import { codeOf, deleteRunData, makeTokens, runMarker, type TestTokens } from '../helpers/curation.js';
import { ensureBuild, post, type Replica, startReplica, subscribe, waitFor } from '../helpers/replicas.js';
import { testConfig } from '../helpers/test-app.js';

const marker = runMarker();
const ids = {
  source: `source:${marker}-replica-wire`,
  actor: `actor:${marker}-replica-envoy`,
  position: `position:${marker}-replica-truce`,
  stance: `stance:${marker}-envoy-proposed-truce`,
  other: `stance:${marker}-envoy-considering-truce`,
};

let tokens: TestTokens;
let a: Replica;
let b: Replica;
/** For clean-up only: the replicas are the system under test. */
let cleaner: App;

const CREATE_TOKEN = `mutation ($name: String!, $role: String!) { createApiToken(name: $name, role: $role) { token apiToken { id } } }`;
const REVOKE_TOKEN = `mutation ($id: ID!) { revokeApiToken(id: $id) { id } }`;
const RECORD_STANCE = `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`;
const STANCE = `query ($id: ID!) { stance(id: $id) { id kind actor { id } position { id } } }`;
const STANCE_CHANGED = `subscription ($filter: StanceChangeFilter) {
  stanceChanged(filter: $filter) { change stanceId by via sequence stance { kind actor { id name } position { id } } }
}`;

const stanceInput = (id: string, kind: string) => ({
  id,
  kind,
  actorId: ids.actor,
  positionId: ids.position,
  date: '2025-06-05',
  evidence: [{ sourceId: ids.source, quote: 'The envoy proposed a truce.' }],
});

beforeAll(async () => {
  tokens = makeTokens(marker);
  cleaner = await createApp(testConfig({ AUTH_TOKENS: tokens.env }));
  await ensureBuild();
  // Both replicas get the same bootstrap tokens (AUTH_TOKENS), as a deployment's replicas do.
  const env = { AUTH_TOKENS: tokens.env, SUBSCRIPTION_POLL_MS: '200' };
  [a, b] = await Promise.all([startReplica('A', env), startReplica('B', env)]);
  const editor = tokens.tokens.editor;
  for (const [mutation, input] of [
    ['createSource(input: $input) { id }', { id: ids.source, publisher: 'Replica Wire', title: 'Truce talks', publishedAt: '2025-06-05', language: 'en' }],
    [
      'createActor(input: $input) { id }',
      { id: ids.actor, name: 'Replica Envoy', kind: 'PERSON', evidence: [{ sourceId: ids.source, quote: 'The envoy spoke.' }] },
    ],
    [
      'createPosition(input: $input) { id }',
      { id: ids.position, type: 'PROPOSAL', title: 'A truce', topics: ['CEASEFIRE'], evidence: [{ sourceId: ids.source, quote: 'A truce.' }] },
    ],
  ] as const) {
    const inputType = mutation.startsWith('createSource')
      ? 'CreateSourceInput'
      : mutation.startsWith('createActor')
        ? 'CreateActorInput'
        : 'CreatePositionInput';
    const result = await post(a, `mutation ($input: ${inputType}!) { ${mutation} }`, { token: editor, variables: { input } });
    expect(result.body.errors).toBeUndefined();
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  if (cleaner) {
    await deleteRunData(cleaner, marker);
    await cleaner.stop();
  }
});

describe('two API replicas on one Neo4j', () => {
  it('a token created on A works on B; revoked on B, it is refused by A', async () => {
    const created = await post(a, CREATE_TOKEN, { token: tokens.tokens.admin, variables: { name: `analyst-${marker}`, role: 'reader' } });
    expect(created.body.errors).toBeUndefined();
    const { token, apiToken } = created.body.data.createApiToken;
    expect((await post(b, '{ viewer { name role } }', { token })).body.data.viewer).toEqual({ name: `analyst-${marker}`, role: 'reader' });

    expect((await post(b, REVOKE_TOKEN, { token: tokens.tokens.admin, variables: { id: apiToken.id } })).body.errors).toBeUndefined();
    const refused = await post(a, '{ viewer { name } }', { token });
    expect(refused.status).toBe(401);
    expect(codeOf(refused.body)).toBe('UNAUTHENTICATED');
  });

  it('a stance written through A is read through B with the bookmark A returned', async () => {
    const written = await post(a, RECORD_STANCE, { token: tokens.tokens.editor, variables: { input: stanceInput(ids.stance, 'PROPOSED') } });
    expect(written.body.errors).toBeUndefined();
    const bookmark = written.body.extensions?.['bookmark'];
    expect(typeof bookmark).toBe('string');
    expect((bookmark as string).length).toBeGreaterThan(0);

    const read = await post(b, STANCE, { variables: { id: ids.stance }, bookmark: bookmark as string });
    expect(read.status).toBe(200);
    expect(read.body.data.stance).toEqual({ id: ids.stance, kind: 'PROPOSED', actor: { id: ids.actor }, position: { id: ids.position } });
    // A read carries no bookmark of its own; a bookmark no database issued is refused clearly.
    expect(read.body.extensions?.['bookmark']).toBeUndefined();
    const forged = await post(b, STANCE, { variables: { id: ids.stance }, bookmark: 'FB:not-a-bookmark' });
    expect(codeOf(forged.body)).toBe('BAD_USER_INPUT');
    const malformed = await post(b, STANCE, { variables: { id: ids.stance }, bookmark: 'not a bookmark at all' });
    expect(malformed.status).toBe(400);
    expect(codeOf(malformed.body)).toBe('BAD_USER_INPUT');
  });

  it('a subscriber on B receives a stance recorded on A, once, with who recorded it', async () => {
    // An editor's token: `by` names a token holder, for editors only.
    const subscription = subscribe(b, STANCE_CHANGED, { token: tokens.tokens.editor, variables: { filter: { actorIds: [ids.actor] } } });
    try {
      expect(await waitFor(() => subscription.client !== undefined, 1000)).toBe(true);
      await new Promise<void>((resolve) => subscription.client.on('connected', () => resolve()));
      // The subscribe message follows the acknowledgement; give B a moment to register it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const written = await post(a, RECORD_STANCE, { token: tokens.tokens.editor, variables: { input: stanceInput(ids.other, 'CONSIDERING') } });
      expect(written.body.errors).toBeUndefined();

      const [event] = await subscription.next(1, 15_000);
      expect(subscription.errors).toEqual([]);
      expect(event?.data?.stanceChanged).toMatchObject({
        change: 'RECORDED',
        stanceId: ids.other,
        by: tokens.names.editor,
        via: 'api',
        stance: { kind: 'CONSIDERING', actor: { id: ids.actor, name: 'Replica Envoy' }, position: { id: ids.position } },
      });
      // A few polls later there is still exactly one event for one change.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(subscription.events).toHaveLength(1);
    } finally {
      await subscription.close();
    }
  });

  it('killing A leaves B serving', async () => {
    await a.kill();
    expect(a.child.signalCode).toBe('SIGKILL');
    await expect(fetch(`${a.url}/health/live`)).rejects.toThrow();
    expect((await fetch(`${b.url}/health/ready`)).status).toBe(200);
    const read = await post(b, STANCE, { variables: { id: ids.stance } });
    expect(read.body.data.stance.id).toBe(ids.stance);
    const written = await post(b, `mutation ($id: ID!) { retractStance(id: $id, reason: "Test over") { status } }`, {
      token: tokens.tokens.admin,
      variables: { id: ids.other },
    });
    expect(written.body.data?.retractStance).toEqual({ status: 'RETRACTED' });
  });

  it('B stops gracefully on SIGTERM, as an orchestrator stops a replica', async () => {
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });
});

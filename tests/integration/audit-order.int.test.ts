/**
 * The audit log lists the changes of one item in the order they were committed (issue #9,
 * defect 13: the time was taken before the row lock, so an edit that waited for the lock
 * could carry an earlier time than the edit it waited for). Each update records the value it
 * replaced, so commit order is visible as a chain: every entry's `from` is the `to` of the
 * entry before it. Ids carry a per-run marker and are deleted afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { CurationService } from '../../src/curation/curation.service.js';
import { deleteRunData, executeAs, makeTokens, queryAs, runMarker } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
const tokens = makeTokens(marker);
const sourceId = `source:${marker}-wire-2025-06-03`;
let app: App;

interface AuditItem {
  at: string;
  action: string;
  changes: { description?: { from: string | null; to: string | null } } | null;
}

const AUDIT_OF = `query ($id: ID!) { auditLog(filter: { targetId: $id }, page: { limit: 200 }) { items { at action changes } } }`;
const UPDATE = `mutation ($id: ID!, $description: String) { updateActor(id: $id, input: { description: $description }) { id } }`;

async function createActor(id: string): Promise<void> {
  await queryAs(app, tokens.tokens.editor, `mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }`, {
    input: { id, name: `Order ${marker}`, kind: 'PERSON', evidence: [{ sourceId, quote: 'The negotiator spoke.' }] },
  });
}

/** The actor's updates, oldest first as the log lists them (it lists newest first). */
async function updatesOf(id: string): Promise<AuditItem[]> {
  const { auditLog } = await queryAs(app, tokens.tokens.editor, AUDIT_OF, { id });
  return (auditLog.items as AuditItem[]).filter((e) => e.action === 'UPDATE').reverse();
}

/** Each update replaced the value the one listed before it wrote, and the last one's value is the stored one. */
async function expectCommitOrder(id: string, count: number): Promise<void> {
  const updates = await updatesOf(id);
  expect(updates).toHaveLength(count);
  const chain = updates.map((e) => e.changes?.description);
  expect(chain[0]?.from).toBeNull();
  for (let k = 1; k < chain.length; k++) expect({ k, from: chain[k]?.from }).toEqual({ k, from: chain[k - 1]?.to });
  const times = updates.map((e) => Date.parse(e.at));
  for (let k = 1; k < times.length; k++) expect(times[k]).toBeGreaterThan(times[k - 1] as number);
  const { actor } = await queryAs(app, null, `query ($id: ID!) { actor(id: $id) { description } }`, { id });
  expect(actor.description).toBe(chain.at(-1)?.to);
}

beforeAll(async () => {
  app = await createTestApp({ AUTH_TOKENS: tokens.env });
  await queryAs(app, tokens.tokens.editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: sourceId, publisher: `Wire ${marker}`, title: 'Talks resume', publishedAt: '2025-06-03' },
  });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
});

describe('audit order', () => {
  it('lists concurrent edits of one node in commit order', async () => {
    const id = `actor:${marker}-concurrent`;
    await createActor(id);
    const EDITS = 16;
    const results = await Promise.all(
      Array.from({ length: EDITS }, (_, i) => executeAs(app, tokens.tokens.editor, UPDATE, { id, description: `version ${i}` })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    await expectCommitOrder(id, EDITS);
  });

  it('keeps commit order when the clock of the writer runs behind the last change (replicas, clock steps)', async () => {
    const id = `actor:${marker}-skewed`;
    await createActor(id);
    // Each edit comes from a writer whose clock is a minute behind the one before: the
    // stamp must still follow the item's last change, or the log would list them backwards.
    let skew = 0;
    const service = new CurationService(app.executor, () => new Date(Date.now() - (skew += 60_000)));
    for (let i = 0; i < 4; i++) await service.updateActor({ name: tokens.names.editor }, id, { description: `skewed ${i}` });
    await expectCommitOrder(id, 4);
  });
});

/**
 * Reads go to followers and writes to the leader on a Neo4j cluster (neo4j:// URIs), by the
 * access mode of each transaction: every read must be a read transaction and every write a
 * write transaction. Neo4j itself refuses a write in a read transaction, also on one server,
 * so the read paths the suite runs are proven read-only; this shows what each operation opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { deleteRunData, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
let app: App;
let tokens: TestTokens;

beforeAll(async () => {
  tokens = makeTokens(marker);
  app = await createTestApp({ AUTH_TOKENS: tokens.env });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
});

async function modesOf(work: () => Promise<unknown>): Promise<Set<string>> {
  const modes = new Set<string>();
  const stop = app.executor.onQuery((event) => modes.add(event.mode));
  try {
    await work();
  } finally {
    stop();
  }
  return modes;
}

describe('transactions', () => {
  it('a write sent in a read transaction is refused by Neo4j', async () => {
    await expect(app.executor.runStatement('CREATE (n:AccessModeProbe) DELETE n', {}, 'READ')).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.AccessMode',
    });
  });

  it('queries open only read transactions; mutations write in write transactions', async () => {
    const reads = await modesOf(() =>
      queryAs(app, tokens.tokens.admin, '{ actors { items { name proposed { position { title } } } } stances { total } apiTokens { id } auditLog { total } }'),
    );
    expect([...reads]).toEqual(['READ']);
    const writes = await modesOf(() =>
      queryAs(app, tokens.tokens.admin, `mutation ($name: String!) { createApiToken(name: $name, role: "reader") { apiToken { id } } }`, {
        name: `mode-${marker}`,
      }),
    );
    expect([...writes]).toEqual(['WRITE']);
  });
});

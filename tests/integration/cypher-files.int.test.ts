/**
 * Every .cypher file must compile against the real database: EXPLAIN plans a query without
 * running it, so a syntax error or a removed function fails here, not in a user's request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { cypherText, listCypherNames, splitStatements } from '../../src/db/cypher-files.js';
import { createTestApp } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

// Schema files create constraints and indexes; EXPLAIN does not apply to those commands.
const queries = listCypherNames().filter((name) => !name.startsWith('schema/'));

describe('cypher/', () => {
  it('holds the queries of every feature', () => {
    expect(queries.length).toBeGreaterThan(20);
  });

  it.each(queries)('%s compiles (EXPLAIN)', async (name) => {
    for (const statement of splitStatements(cypherText(name))) {
      await expect(app.executor.runStatement(`EXPLAIN ${statement}`, {}, 'READ')).resolves.toBeDefined();
    }
  });
});

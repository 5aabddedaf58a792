/**
 * For tests of the authenticated API: tokens made on the fly (only their hashes go to the app,
 * through AUTH_TOKENS, as in a deployment), operations run as a given token, and clean-up of
 * everything a test created (its ids carry a per-run marker).
 */
import { randomBytes } from 'node:crypto';

import type { App } from '../../src/app.js';
import { generateToken, type Role } from '../../src/auth/token.js';
import type { GraphQLResult } from './test-app.js';

export interface TestTokens {
  /** AUTH_TOKENS value: the hashed entries. */
  env: string;
  tokens: Record<Role, string>;
  names: Record<Role, string>;
}

/** A marker unique to this test run; every id and token name a test creates contains it. */
export function runMarker(): string {
  return `test-${randomBytes(4).toString('hex')}`;
}

export function makeTokens(marker: string): TestTokens {
  const made = (['reader', 'editor', 'admin'] as const).map((role) => ({ role, ...generateToken(`${role}-${marker}`, role) }));
  return {
    env: JSON.stringify(made.map((m) => m.stored)),
    tokens: Object.fromEntries(made.map((m) => [m.role, m.token])) as Record<Role, string>,
    names: Object.fromEntries(made.map((m) => [m.role, m.stored.name])) as Record<Role, string>,
  };
}

/** Runs one operation as the holder of `token` (null: anonymously), through the whole pipeline. */
export async function executeAs<T = Record<string, any>>(
  app: App,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResult<T>> {
  const contextValue = app.createContext(token === null ? {} : { authorization: `Bearer ${token}` });
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult<T>;
}

/** Like executeAs, but fails on any error and returns the data. */
export async function queryAs<T = Record<string, any>>(app: App, token: string | null, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await executeAs<T>(app, token, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

/** The error code of the first error, for assertions. */
export const codeOf = (result: GraphQLResult<unknown>): unknown => result.errors?.[0]?.extensions?.['code'];

/** How many nodes and relationships carry this id (test assertions only). */
export async function countWithId(app: App, id: string): Promise<number> {
  const [row] = await app.executor.runStatement(
    'CALL () { MATCH (n) WHERE n.id = $id RETURN n AS x UNION ALL MATCH ()-[r]->() WHERE r.id = $id RETURN r AS x } RETURN count(x) AS count',
    { id },
    'READ',
  );
  return Number(row?.['count'] ?? 0);
}

/** Deletes everything the run created: nodes (with their edges, and its datasets `dataset:<marker>`) and audit entries. */
export async function deleteRunData(app: App, marker: string): Promise<void> {
  // Import runs (and any batch they left staged) of editors named after the run.
  await app.executor.runStatement('MATCH (r:ImportRun) WHERE r.by CONTAINS $marker OPTIONAL MATCH (b:ImportBatch {run: r.id}) DETACH DELETE b, r', { marker });
  await app.executor.runStatement('MATCH (n) WHERE n.id CONTAINS $marker AND NOT n:AuditEntry DETACH DELETE n', { marker });
  await app.executor.runStatement('MATCH (e:AuditEntry) WHERE e.targetId CONTAINS $marker OR e.by CONTAINS $marker DELETE e', { marker });
  // API tokens (in the database since the replicas work) are named after the run.
  await app.executor.runStatement(
    'MATCH (t:ApiToken) WHERE t.name CONTAINS $marker OPTIONAL MATCH (e:AuditEntry {targetKind: "API_TOKEN", targetId: t.id}) DETACH DELETE t, e',
    { marker },
  );
}

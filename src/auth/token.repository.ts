/**
 * The token queries (cypher/auth/). Tokens are stored as hashes only; the service decides
 * when to write them and writes each change together with its audit entry.
 */
import type { Executor, QueryRunner } from '../db/executor.js';
import type { StoredToken } from './token.js';

export async function listStoredTokens(executor: Executor, limit: number): Promise<StoredToken[]> {
  const rows = await executor.read('auth/list-api-tokens', { limit });
  return rows.map((row) => row['token'] as StoredToken);
}

export async function findStoredToken(executor: Executor, id: string): Promise<StoredToken | undefined> {
  const [row] = await executor.read('auth/find-api-token', { id });
  return row ? (row['token'] as StoredToken) : undefined;
}

export async function insertToken(run: QueryRunner, token: StoredToken): Promise<void> {
  await run.run('auth/create-api-token', { token });
}

/** Revokes a token; null when there is no such token in the database. */
export async function markTokenRevoked(run: QueryRunner, id: string, now: string, by: string): Promise<StoredToken | null> {
  const [row] = await run.run('auth/revoke-api-token', { id, now, by });
  return row ? (row['token'] as StoredToken) : null;
}

/** Adds the tokens not yet in the database; returns the ids it added. */
export async function insertMissingTokens(run: QueryRunner, tokens: readonly object[], now: string, runId: string): Promise<string[]> {
  const rows = await run.run('auth/migrate-api-tokens', { tokens, now, run: runId });
  return rows.filter((row) => row['added'] === true).map((row) => String(row['id']));
}

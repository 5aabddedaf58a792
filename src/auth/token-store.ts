/**
 * Where tokens live: in Neo4j (`:ApiToken` nodes, salted hashes only), so every API replica
 * sees a token created or revoked on any other at once; plus read-only entries from the
 * AUTH_TOKENS environment variable (a JSON array of the same entries) to bootstrap a
 * deployment, e.g. its first admin. Revoked tokens stay in the database with who revoked them
 * and when, and never authenticate again.
 *
 * A token is looked up on every request that presents one: one indexed read, no cache, so a
 * revocation takes effect on every replica with the next request. Token writes (create,
 * revoke, the migration of an old tokens file) commit together with their audit entries.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';

import { ConfigError } from '../config/config.js';
import type { Executor } from '../db/executor.js';
import { type Principal, problemWithStoredToken, type StoredToken, hasExpired, tokenIdOf, verifyToken } from './token.js';

export interface TokenInfo {
  id: string;
  name: string;
  role: StoredToken['role'];
  createdAt: string;
  expiresAt: string | null;
  /** Where the entry comes from: the database (revocable) or AUTH_TOKENS (read-only). */
  origin: 'database' | 'env';
}

/** The outcome of checking a presented token. */
export type Authentication = { principal: Principal } | { failure: 'invalid' } | { failure: 'expired'; expiresAt: string };

/** `apiTokens` lists at most this many tokens; a deployment holds tens. */
export const MAX_LISTED_TOKENS = 500;

export function parseTokenEntries(text: string, where: string): StoredToken[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const list = Array.isArray(value) ? value : (value as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(list)) throw new ConfigError(`${where} must be a JSON array of token entries (or {"tokens": [...]})`);
  list.forEach((entry, i) => {
    const problem = problemWithStoredToken(entry);
    if (problem) throw new ConfigError(`${where}: entry [${i}] ${problem}`);
  });
  return list as StoredToken[];
}

export function toTokenInfo(entry: Omit<StoredToken, 'salt' | 'hash'>, origin: TokenInfo['origin']): TokenInfo {
  return { id: entry.id, name: entry.name, role: entry.role, createdAt: entry.createdAt, expiresAt: entry.expiresAt ?? null, origin };
}

export class TokenStore {
  private readonly envEntries: StoredToken[];

  /** @param envJson the AUTH_TOKENS value, if set */
  constructor(
    private readonly executor: Executor,
    envJson: string | null = null,
  ) {
    this.envEntries = envJson ? parseTokenEntries(envJson, 'AUTH_TOKENS') : [];
  }

  /** Whether a token (or a mistyped one) is valid, unknown or expired. Database errors propagate. */
  async authenticate(token: string, now = new Date()): Promise<Authentication> {
    const id = tokenIdOf(token);
    const stored = id === undefined ? undefined : (this.envEntries.find((e) => e.id === id) ?? (await this.findInDatabase(id)));
    // verifyToken hashes even for an unknown id, so a miss costs what a wrong secret does.
    const principal = verifyToken(token, () => stored);
    if (!principal || !stored) return { failure: 'invalid' };
    if (hasExpired(stored, now)) return { failure: 'expired', expiresAt: stored.expiresAt as string };
    return { principal };
  }

  /** The tokens in force: AUTH_TOKENS entries first, then the database's (at most MAX_LISTED_TOKENS). */
  async list(): Promise<TokenInfo[]> {
    const rows = await this.executor.read('auth/list-api-tokens', { limit: MAX_LISTED_TOKENS });
    return [...this.envEntries.map((e) => toTokenInfo(e, 'env')), ...rows.map((row) => toTokenInfo(row['token'] as StoredToken, 'database'))];
  }

  /** The AUTH_TOKENS entry with this id, if any (those cannot be revoked through the API). */
  fromEnvironment(id: string): TokenInfo | undefined {
    const entry = this.envEntries.find((e) => e.id === id);
    return entry ? toTokenInfo(entry, 'env') : undefined;
  }

  private async findInDatabase(id: string): Promise<StoredToken | undefined> {
    const [row] = await this.executor.read('auth/find-api-token', { id });
    return row ? (row['token'] as StoredToken) : undefined;
  }
}

/** The entries of an old tokens file, or null when there is no file to migrate. */
export function readTokensFile(file: string): StoredToken[] | null {
  if (!existsSync(file)) return null;
  return parseTokenEntries(readFileSync(file, 'utf8'), file);
}

/** Renames a migrated tokens file so it is not read again; false when the disk refuses. */
export function retireTokensFile(file: string): string | null {
  const retired = `${file}.migrated`;
  try {
    renameSync(file, retired);
    return retired;
  } catch {
    return null;
  }
}

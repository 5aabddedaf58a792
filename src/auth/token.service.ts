/**
 * Token writes: create, revoke and the one-time migration of an old tokens file. Each one is
 * a single write transaction holding the token change and its audit entry, so both commit
 * or neither does.
 *
 * The driver retries a write transaction that failed transiently by running its work again.
 * So the work holds no side effect outside the database: the secret and its hash are made
 * once, before the transaction, and a retry writes that same token again into a database
 * where the first attempt left nothing.
 */
import { randomUUID } from 'node:crypto';

import { AuditAction, AuditTargetKind, type AuditVia } from '../curation/audit.js';
import { writeAudit } from '../curation/curation.repository.js';
import type { Executor, WriteScope } from '../db/executor.js';
import type { Logger } from '../logging/logger.js';
import { generateToken, type Role, type StoredToken } from './token.js';
import { readTokensFile, retireTokensFile, toTokenInfo, type TokenInfo } from './token-store.js';

/** Who makes the change and through what (recorded in the audit log). */
export interface TokenActor {
  by: string;
  via: AuditVia;
}

/** What runs a write transaction: the Executor (or, in tests, a wrapper that retries it). */
export type WriteRunner = Pick<Executor, 'writeTransaction'>;

export interface CreateTokenRequest {
  name: string;
  role: Role;
  expiresAt?: Date | null;
}

/** Creates a token in the database with its audit entry; returns the secret, to be shown once. */
export async function createToken(db: WriteRunner, request: CreateTokenRequest, actor: TokenActor): Promise<{ token: string; info: TokenInfo }> {
  const now = new Date();
  const { token, stored } = generateToken(request.name, request.role, now, request.expiresAt ?? null);
  const expiry = stored.expiresAt ? `, expires ${stored.expiresAt}` : '';
  await db.writeTransaction('createApiToken', async (scope) => {
    await scope.run('auth/create-api-token', { token: stored });
    await auditTokenChange(scope, actor, now, AuditAction.CREATE, stored.id, `Created token for "${stored.name}" with role ${stored.role}${expiry}`);
  });
  return { token, info: toTokenInfo(stored, 'database') };
}

/** Revokes a token in force; null when the database holds no such token in force. */
export async function revokeToken(db: WriteRunner, id: string, actor: TokenActor): Promise<TokenInfo | null> {
  const now = new Date();
  return db.writeTransaction('revokeApiToken', async (scope) => {
    const [row] = await scope.run('auth/revoke-api-token', { id, now: now.toISOString(), by: actor.by });
    if (!row) return null;
    const revoked = row['token'] as StoredToken;
    await auditTokenChange(scope, actor, now, AuditAction.REVOKE, id, `Revoked token of "${revoked.name}"`);
    return toTokenInfo(revoked, 'database');
  });
}

/**
 * Moves the tokens of an old tokens file (AUTH_TOKENS_FILE, default .data/tokens.json) into
 * the database, once: entries already there (by id) are left alone, then the file is renamed
 * to `<file>.migrated`. Safe to run on several replicas at once. Returns how many were added.
 */
export async function migrateTokensFile(db: WriteRunner, file: string, logger: Pick<Logger, 'info' | 'warn'>): Promise<number> {
  const entries = readTokensFile(file);
  if (entries === null) return 0;
  const now = new Date();
  const added = await db.writeTransaction('migrateApiTokens', async (scope) => {
    const rows = await scope.run('auth/migrate-api-tokens', { tokens: entries.map(withoutUndefined), now: now.toISOString(), run: randomUUID() });
    const ids = rows.filter((row) => row['added'] === true).map((row) => String(row['id']));
    for (const id of ids) {
      await auditTokenChange(scope, { by: 'migration', via: 'cli' }, now, AuditAction.CREATE, id, `Moved token ${id} from ${file} into the database`);
    }
    return ids.length;
  });
  const retired = retireTokensFile(file);
  if (retired) logger.info('tokens file migrated', { file, added, renamedTo: retired });
  else logger.warn('tokens file migrated but could not be renamed; it is read again at each start (harmless)', { file, added });
  return added;
}

function withoutUndefined(entry: StoredToken): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && value !== null));
}

async function auditTokenChange(scope: WriteScope, actor: TokenActor, now: Date, action: AuditAction, id: string, summary: string): Promise<void> {
  await writeAudit(scope, [{ action, targetKind: AuditTargetKind.API_TOKEN, targetId: id, summary }], { now: now.toISOString(), by: actor.by }, actor.via);
}

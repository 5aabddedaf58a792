/**
 * API tokens in Neo4j: created and revoked with their audit entry in one transaction (also
 * when the driver retries it), expiring, moved once from an old tokens file, and listed
 * without secrets. The replicas test shows the same tokens seen from two API processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { App } from '../../src/app.js';
import { generateToken } from '../../src/auth/token.js';
import { createToken, migrateTokensFile, revokeToken, type WriteRunner } from '../../src/auth/token.service.js';
import type { Executor } from '../../src/db/executor.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';
import { codeOf, deleteRunData, executeAs, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
let app: App;
let tokens: TestTokens;
let dir: string;
const quiet = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  tokens = makeTokens(marker);
  dir = mkdtempSync(join(tmpdir(), 'ng-tokens-'));
  app = await createTestApp({ AUTH_TOKENS: tokens.env, AUTH_TOKENS_FILE: join(dir, 'absent.json') });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function countTokensNamed(name: string): Promise<number> {
  const [row] = await app.executor.runStatement('MATCH (t:ApiToken {name: $name}) RETURN count(t) AS count', { name }, 'READ');
  return Number(row?.['count']);
}

async function auditActionsFor(id: string): Promise<string[]> {
  const rows = await app.executor.runStatement('MATCH (e:AuditEntry {targetId: $id}) RETURN e.action AS action ORDER BY e.sequence', { id }, 'READ');
  return rows.map((row) => String(row['action']));
}

/**
 * Runs each write transaction as the driver does after a transient failure: the work runs in a
 * transaction that then fails (rolled back), and runs again in a fresh one that commits.
 */
function retryingOnce(executor: Executor): WriteRunner & { attempts: number } {
  const runner = {
    attempts: 0,
    async writeTransaction<T>(label: string, work: Parameters<Executor['writeTransaction']>[1]): Promise<T> {
      await executor
        .writeTransaction(label, async (scope) => {
          runner.attempts += 1;
          await work(scope);
          throw new Error('transient failure after the work ran');
        })
        .catch(() => undefined);
      runner.attempts += 1;
      return executor.writeTransaction(label, work) as Promise<T>;
    },
  };
  return runner;
}

/** A write transaction whose work fails after the token change: the audit entry is never committed. */
const failingAfterWork = (executor: Executor): WriteRunner => ({
  writeTransaction: (label, work) =>
    executor.writeTransaction(label, async (scope) => {
      await work(scope);
      throw new Error('the audit write failed');
    }),
});

describe('tokens in the database', () => {
  it('creation and its audit entry are one transaction: a retry stores one token, a failure none', async () => {
    const runner = retryingOnce(app.executor);
    const name = `retried-${marker}`;
    const { token, info } = await createToken(runner, { name, role: 'editor' }, { by: `admin-${marker}`, via: 'api' });
    expect(runner.attempts).toBe(2);
    expect(await countTokensNamed(name)).toBe(1);
    expect(await auditActionsFor(info.id)).toEqual(['CREATE']);
    expect((await queryAs(app, token, '{ viewer { name role } }')).viewer).toEqual({ name, role: 'editor' });

    const failed = `failed-${marker}`;
    await expect(createToken(failingAfterWork(app.executor), { name: failed, role: 'editor' }, { by: `admin-${marker}`, via: 'api' })).rejects.toThrow(/audit/);
    expect(await countTokensNamed(failed)).toBe(0);
  });

  it('revocation and its audit entry are one transaction; a revoked token stays refused', async () => {
    const name = `revoked-${marker}`;
    const { token, info } = await createToken(app.executor, { name, role: 'reader' }, { by: `admin-${marker}`, via: 'cli' });
    await expect(revokeToken(failingAfterWork(app.executor), info.id, { by: `admin-${marker}`, via: 'cli' })).rejects.toThrow(/audit/);
    expect((await queryAs(app, token, '{ viewer { name } }')).viewer.name).toBe(name);
    expect(await revokeToken(retryingOnce(app.executor), info.id, { by: `admin-${marker}`, via: 'cli' })).toMatchObject({ id: info.id, name });
    expect(await auditActionsFor(info.id)).toEqual(['CREATE', 'REVOKE']);
    expect(codeOf(await executeAs(app, token, '{ viewer { name } }'))).toBe('UNAUTHENTICATED');
    expect(await revokeToken(app.executor, info.id, { by: `admin-${marker}`, via: 'cli' })).toBeNull();
  });

  it('expire: refused from expiresAt on, with a message that says so; apiTokens shows the expiry', async () => {
    const CREATE = `mutation ($name: String!, $expiresAt: String) { createApiToken(name: $name, role: "reader", expiresAt: $expiresAt) { token apiToken { id expiresAt } } }`;
    const soon = new Date(Date.now() + 1500).toISOString();
    const { createApiToken } = await queryAs(app, tokens.tokens.admin, CREATE, { name: `brief-${marker}`, expiresAt: soon });
    expect(createApiToken.apiToken.expiresAt).toBe(soon);
    expect((await queryAs(app, createApiToken.token, '{ viewer { name } }')).viewer.name).toBe(`brief-${marker}`);
    const listed = await queryAs(app, tokens.tokens.admin, '{ apiTokens { id expiresAt origin } }');
    expect(listed.apiTokens).toContainEqual({ id: createApiToken.apiToken.id, expiresAt: soon, origin: 'database' });

    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 100));
    const refused = await executeAs(app, createApiToken.token, '{ viewer { name } }');
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.message).toContain(`expired at ${soon}`);

    for (const expiresAt of ['yesterday', '2020-01-01', '9000d']) {
      const bad = await executeAs(app, tokens.tokens.admin, CREATE, { name: `bad-${marker}`, expiresAt });
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.['argument']).toBe('expiresAt');
    }
    expect(await countTokensNamed(`bad-${marker}`)).toBe(0);
  });

  it('AUTH_TOKENS entries expire too, and cannot be revoked through the API', async () => {
    // Made a minute ago, expired a second ago.
    const expired = generateToken(`bootstrap-${marker}`, 'admin', new Date(Date.now() - 60_000), new Date(Date.now() - 1000));
    const other = await createTestApp({ AUTH_TOKENS: JSON.stringify([expired.stored]), AUTH_TOKENS_FILE: join(dir, 'absent.json') });
    try {
      expect(codeOf(await executeAs(other, expired.token, '{ viewer { name } }'))).toBe('UNAUTHENTICATED');
      const revoke = await executeAs(app, tokens.tokens.admin, 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: JSON.parse(tokens.env)[0].id });
      expect(codeOf(revoke)).toBe('BAD_USER_INPUT');
    } finally {
      await other.stop();
    }
  });

  it('answers DATABASE_UNAVAILABLE (503), not an internal error, when a token cannot be checked', async () => {
    const unreachable = await createTestApp({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_CONNECTION_TIMEOUT_MS: '500',
      AUTH_TOKENS_FILE: join(dir, 'absent.json'),
    });
    try {
      const { token } = generateToken(`unchecked-${marker}`, 'reader');
      const response = await unreachable.apollo.executeOperation(
        { query: '{ viewer { name } }' },
        { contextValue: unreachable.createContext({ authorization: `Bearer ${token}` }) },
      );
      expect(response.http.status).toBe(503);
      expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0]?.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await unreachable.stop();
    }
  });

  it('moves an old tokens file into the database once, keeping revoked tokens revoked', async () => {
    const file = join(dir, 'tokens.json');
    const kept = generateToken(`from-file-${marker}`, 'editor');
    const revoked = generateToken(`from-file-revoked-${marker}`, 'editor');
    writeFileSync(file, JSON.stringify({ tokens: [kept.stored, revoked.stored] }));
    // Two replicas starting at once both migrate: each token is added once.
    const added = await Promise.all([migrateTokensFile(app.executor, file, quiet), migrateTokensFile(app.executor, file, quiet).catch(() => 0)]);
    expect(added.reduce((a, b) => a + b, 0)).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.migrated`)).toBe(true);
    expect((await queryAs(app, kept.token, '{ viewer { name } }')).viewer.name).toBe(`from-file-${marker}`);
    expect(await auditActionsFor(kept.stored.id)).toEqual(['CREATE']);

    await revokeToken(app.executor, revoked.stored.id, { by: `admin-${marker}`, via: 'cli' });
    writeFileSync(file, JSON.stringify([kept.stored, revoked.stored]));
    expect(await migrateTokensFile(app.executor, file, quiet)).toBe(0);
    expect(codeOf(await executeAs(app, revoked.token, '{ viewer { name } }'))).toBe('UNAUTHENTICATED');
    expect(await countTokensNamed(`from-file-${marker}`)).toBe(1);
  });
});

describe('npm run token', () => {
  const token = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), AUTH_TOKENS_FILE: join(dir, 'cli-absent.json') },
    });

  it('creates (with an expiry), lists and revokes tokens in the database the API reads', async () => {
    const name = `cli-${marker}`;
    const created = token('create', '--name', name, '--role', 'reader', '--expires', '30d');
    expect(created.status, created.stderr).toBe(0);
    const secret = /\b(ngt_[0-9a-f]{12}_\S{43})\b/.exec(created.stdout)?.[1] as string;
    const id = secret.slice(4, 16);
    expect(created.stdout).toMatch(/expires 20\d\d-/);
    expect((await queryAs(app, secret, '{ viewer { name role } }')).viewer).toEqual({ name, role: 'reader' });

    const listed = token('list');
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+reader\\s+${name}.*expires 20\\d\\d-.*\\(database\\)`));
    expect(listed.stdout).not.toContain(secret);

    const revoked = token('revoke', id);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(codeOf(await executeAs(app, secret, '{ viewer { name } }'))).toBe('UNAUTHENTICATED');
    expect(await auditActionsFor(id)).toEqual(['CREATE', 'REVOKE']);
    const again = token('revoke', id);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`No token ${id} in force`);
    expect(token('create', '--name', name, '--expires', 'soon').stderr).toContain('duration such as 90d');
  });
});

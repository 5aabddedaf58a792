import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { requireRole } from '../../src/auth/access.js';
import { bearerTokenOf, generateToken, hashToken, problemWithStoredToken, roleAllows, tokenIdOf, verifyToken } from '../../src/auth/token.js';
import { TokenStore } from '../../src/auth/token-store.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { AppError } from '../../src/errors/errors.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokens', () => {
  it('are random, carry a public id, and are stored only as a salted hash', () => {
    const a = generateToken('alice', 'editor');
    const b = generateToken('alice', 'editor');
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^ngt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(tokenIdOf(a.token)).toBe(a.stored.id);
    expect(JSON.stringify(a.stored)).not.toContain(a.token.slice('ngt_'.length + 13));
    expect(a.stored.hash).toBe(hashToken(a.token, a.stored.salt));
    // Same token, other salt: another hash.
    expect(hashToken(a.token, 'other-salt-value-1234')).not.toBe(a.stored.hash);
    expect(problemWithStoredToken(a.stored)).toBeUndefined();
  });

  it('verify only with the right secret, and never for an unknown id', () => {
    const { token, stored } = generateToken('bob', 'admin');
    const lookup = (id: string) => (id === stored.id ? stored : undefined);
    expect(verifyToken(token, lookup)).toEqual({ tokenId: stored.id, name: 'bob', role: 'admin' });
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(verifyToken(tampered, lookup)).toBeUndefined();
    expect(verifyToken(generateToken('eve', 'admin').token, lookup)).toBeUndefined();
    expect(verifyToken('not a token', lookup)).toBeUndefined();
    expect(verifyToken('', lookup)).toBeUndefined();
  });

  it('refuse bad names and roles', () => {
    expect(() => generateToken('', 'editor')).toThrow(/name/);
    expect(() => generateToken('a b', 'editor')).toThrow(/name/);
    expect(() => generateToken('ok', 'owner' as never)).toThrow(/role/);
  });

  it('read the bearer token from the Authorization header', () => {
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('Bearer abc')).toBe('abc');
    expect(bearerTokenOf('bearer   abc  ')).toBe('abc');
    // Anything else is passed on as a (failing) token, so a malformed header is refused, not ignored.
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBe('Basic dXNlcjpwYXNz');
  });

  it('rank roles: admin > editor > reader', () => {
    expect(roleAllows('admin', 'editor')).toBe(true);
    expect(roleAllows('editor', 'editor')).toBe(true);
    expect(roleAllows('reader', 'editor')).toBe(false);
    expect(roleAllows('editor', 'admin')).toBe(false);
  });

  it('requireRole: UNAUTHENTICATED without a (valid) token, FORBIDDEN with too small a role', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (error) {
        return error instanceof AppError ? error.code : 'other';
      }
    };
    expect(code(() => requireRole({ principal: null }, 'editor'))).toBe('UNAUTHENTICATED');
    expect(code(() => requireRole({ principal: null, authFailure: 'bad token' }, 'reader'))).toBe('UNAUTHENTICATED');
    expect(code(() => requireRole({ principal: { tokenId: 'x', name: 'r', role: 'reader' } }, 'editor'))).toBe('FORBIDDEN');
    expect(code(() => requireRole({ principal: { tokenId: 'x', name: 'e', role: 'editor' } }, 'admin'))).toBe('FORBIDDEN');
    expect(code(() => requireRole({ principal: { tokenId: 'x', name: 'a', role: 'admin' } }, 'editor'))).toBe('ok');
  });
});

describe('TokenStore', () => {
  it('creates, authenticates, lists and revokes tokens in a 0600 file of hashes', () => {
    const file = join(dir, 'tokens.json');
    const store = new TokenStore(file);
    const { token, info } = store.create('carol', 'editor');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(store.authenticate(token)).toMatchObject({ name: 'carol', role: 'editor' });
    // Another process (npm run token) sees the same file.
    expect(new TokenStore(file).authenticate(token)).toMatchObject({ name: 'carol' });
    expect(store.list().map((t) => t.id)).toContain(info.id);
    expect(store.revoke(info.id)).toBe(true);
    expect(store.authenticate(token)).toBeUndefined();
    expect(store.revoke(info.id)).toBe(false);
  });

  it('takes read-only entries from AUTH_TOKENS, and refuses malformed ones or secrets', () => {
    const { token, stored } = generateToken('ci', 'editor');
    const store = new TokenStore(join(dir, 'absent.json'), JSON.stringify([stored]));
    expect(store.authenticate(token)).toMatchObject({ name: 'ci' });
    expect(store.list()).toEqual([expect.objectContaining({ id: stored.id, origin: 'env' })]);
    expect(() => new TokenStore(join(dir, 'absent.json'), 'not json')).toThrow(ConfigError);
    expect(() => new TokenStore(join(dir, 'absent.json'), JSON.stringify([{ ...stored, token }]))).toThrow(/secret/);
    expect(() => new TokenStore(join(dir, 'absent.json'), JSON.stringify([{ ...stored, role: 'root' }]))).toThrow(/role/);
  });

  it('notices when the file changes', () => {
    const file = join(dir, 'watched.json');
    const store = new TokenStore(file);
    const { token, stored } = generateToken('dave', 'reader');
    expect(store.authenticate(token)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ tokens: [stored] }));
    expect(store.authenticate(token)).toMatchObject({ name: 'dave' });
  });
});

describe('auth configuration', () => {
  it('keeps reads open by default and reads READS_REQUIRE_TOKEN, AUTH_TOKENS_FILE and AUTH_TOKENS', () => {
    const open = loadConfig({});
    expect(open.auth.readsRequireToken).toBe(false);
    expect(open.auth.tokensFile).toBe(join(PROJECT_ROOT, '.data', 'tokens.json'));
    expect(open.auth.tokensJson).toBeNull();
    const closed = loadConfig({ READS_REQUIRE_TOKEN: 'yes', AUTH_TOKENS_FILE: '/etc/ng/tokens.json', AUTH_TOKENS: '[]' });
    expect(closed.auth).toEqual({ readsRequireToken: true, tokensFile: '/etc/ng/tokens.json', tokensJson: '[]' });
    expect(() => loadConfig({ READS_REQUIRE_TOKEN: 'sometimes' })).toThrow(/READS_REQUIRE_TOKEN/);
  });
});

import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { requireRole } from '../../src/auth/access.js';
import {
  bearerTokenOf,
  generateToken,
  hasExpired,
  hashToken,
  parseExpiry,
  problemWithStoredToken,
  roleAllows,
  tokenIdOf,
  verifyToken,
} from '../../src/auth/token.js';
import { parseTokenEntries } from '../../src/auth/token-store.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { AppError } from '../../src/errors/errors.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';

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

describe('AUTH_TOKENS entries', () => {
  it('are read as hashed entries, and malformed ones or secrets are refused', () => {
    const { stored, token } = generateToken('ci', 'editor');
    expect(parseTokenEntries(JSON.stringify([stored]), 'AUTH_TOKENS')).toEqual([stored]);
    expect(parseTokenEntries(JSON.stringify({ tokens: [stored] }), 'AUTH_TOKENS')).toEqual([stored]);
    expect(() => parseTokenEntries('not json', 'AUTH_TOKENS')).toThrow(ConfigError);
    expect(() => parseTokenEntries(JSON.stringify([{ ...stored, token }]), 'AUTH_TOKENS')).toThrow(/secret/);
    expect(() => parseTokenEntries(JSON.stringify([{ ...stored, role: 'root' }]), 'AUTH_TOKENS')).toThrow(/role/);
    expect(() => parseTokenEntries(JSON.stringify([{ ...stored, expiresAt: 'next week' }]), 'AUTH_TOKENS')).toThrow(/expiresAt/);
  });
});

describe('token expiry', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');

  it('reads durations and dates for --expires, refusing the past, nonsense and over ten years', () => {
    expect(parseExpiry('90d', now).toISOString()).toBe('2027-03-01T12:00:00.000Z');
    expect(parseExpiry('12h', now).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseExpiry('30m', now).toISOString()).toBe('2026-12-01T12:30:00.000Z');
    expect(parseExpiry('2w', now).toISOString()).toBe('2026-12-15T12:00:00.000Z');
    expect(parseExpiry('2027-01-31', now).toISOString()).toBe('2027-01-31T00:00:00.000Z');
    expect(parseExpiry('2027-01-31T08:00:00+01:00', now).toISOString()).toBe('2027-01-31T07:00:00.000Z');
    expect(() => parseExpiry('2026-11-30', now)).toThrow(/future/);
    expect(() => parseExpiry('0d', now)).toThrow(/future/);
    expect(() => parseExpiry('soon', now)).toThrow(/duration such as 90d/);
    expect(() => parseExpiry('90 days', now)).toThrow(/duration such as 90d/);
    expect(() => parseExpiry('5000d', now)).toThrow(/ten years/);
  });

  it('stores the expiry with the hash; a token is expired from that instant on', () => {
    const { stored } = generateToken('temp', 'reader', now, new Date('2026-12-02T12:00:00.000Z'));
    expect(stored.expiresAt).toBe('2026-12-02T12:00:00.000Z');
    expect(problemWithStoredToken(stored)).toBeUndefined();
    expect(hasExpired(stored, new Date('2026-12-02T11:59:59.999Z'))).toBe(false);
    expect(hasExpired(stored, new Date('2026-12-02T12:00:00.000Z'))).toBe(true);
    expect(hasExpired(generateToken('forever', 'reader', now).stored, new Date('2099-01-01'))).toBe(false);
    expect(() => generateToken('late', 'reader', now, new Date('2026-11-01'))).toThrow(/future/);
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

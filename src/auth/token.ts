/**
 * API tokens: what they look like, how they are hashed and checked. Pure (node:crypto only),
 * unit tested.
 *
 * A token is `ngt_<id>_<secret>`: the id (12 hex digits) is public and names the stored
 * entry, so a request costs one hash, not one per token; the secret is 32 random bytes. Only
 * a salted SHA-256 HMAC of the whole token is stored. A slow hash (scrypt, bcrypt) protects
 * guessable passwords; a 256-bit random secret cannot be guessed, and a fast hash keeps every
 * request cheap. Hashes are compared with `timingSafeEqual`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token may do. Each role includes the ones before it. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` grants everything `required` does (admin > editor > reader). */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** A token as stored (in .data/tokens.json or AUTH_TOKENS): never the secret itself. */
export interface StoredToken {
  id: string;
  /** Who holds it; recorded as `recordedBy` on everything they write. */
  name: string;
  role: Role;
  salt: string;
  /** HMAC-SHA256(key = salt, message = token), hex. */
  hash: string;
  createdAt: string;
  /** ISO 8601 instant after which the token is refused; absent or null: it does not expire. */
  expiresAt?: string | null;
}

/** The authenticated caller of a request. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}

const TOKEN_PATTERN = /^ngt_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
export const TOKEN_ID_PATTERN = /^[0-9a-f]{12}$/;
/** Token holder names: they end up in `recordedBy`, so keep them short and plain. */
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function hashToken(token: string, salt: string): string {
  return createHmac('sha256', salt).update(token, 'utf8').digest('hex');
}

/** The public id inside a token, or undefined when the text is not shaped like one. */
export function tokenIdOf(token: string): string | undefined {
  return TOKEN_PATTERN.exec(token)?.[1];
}

/** Makes a new token: the secret (show it once) and the entry to store (hash only). */
export function generateToken(name: string, role: Role, now = new Date(), expiresAt: Date | null = null): { token: string; stored: StoredToken } {
  if (!TOKEN_NAME_PATTERN.test(name)) throw new Error(`name must be 1-64 letters, digits or . _ @ - (starting with a letter or digit), got "${name}"`);
  if (!isRole(role)) throw new Error(`role must be one of ${ROLES.join(', ')}, got "${String(role)}"`);
  const id = randomBytes(6).toString('hex');
  const token = `ngt_${id}_${randomBytes(32).toString('base64url')}`;
  const salt = randomBytes(16).toString('hex');
  if (expiresAt !== null && !(expiresAt.getTime() > now.getTime())) throw new Error('expiry must be in the future');
  const stored: StoredToken = { id, name, role, salt, hash: hashToken(token, salt), createdAt: now.toISOString() };
  if (expiresAt !== null) stored.expiresAt = expiresAt.toISOString();
  return { token, stored };
}

/** Whether a stored token has expired at `now` (a token without expiresAt never does). */
export function hasExpired(stored: Pick<StoredToken, 'expiresAt'>, now = new Date()): boolean {
  return typeof stored.expiresAt === 'string' && Date.parse(stored.expiresAt) <= now.getTime();
}

const EXPIRY_UNITS_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
/** Longest expiry accepted: ten years, so a typo (90000d) is refused rather than kept. */
const MAX_EXPIRY_MS = 3653 * 86_400_000;

/**
 * When a token given `--expires <text>` expires: a duration from now (`90d`, `12h`, `30m`,
 * `2w`) or an ISO 8601 date or instant in the future. Throws with a plain message otherwise.
 */
export function parseExpiry(text: string, now = new Date()): Date {
  const duration = /^(\d{1,6})\s*([mhdw])$/.exec(text.trim());
  const at = duration
    ? new Date(now.getTime() + Number(duration[1]) * EXPIRY_UNITS_MS[duration[2] as keyof typeof EXPIRY_UNITS_MS])
    : /^\d{4}-\d{2}-\d{2}/.test(text.trim())
      ? new Date(text.trim())
      : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new Error(`expiry must be a duration such as 90d, 12h, 30m or 2w, or an ISO 8601 date, got "${text}"`);
  if (at.getTime() <= now.getTime()) throw new Error(`expiry must be in the future, got "${text}"`);
  if (at.getTime() - now.getTime() > MAX_EXPIRY_MS) throw new Error(`expiry must be within ten years, got "${text}"`);
  return at;
}

// Compared against when the id is unknown, so an unknown id costs the same as a wrong secret.
const DUMMY: StoredToken = { id: '000000000000', name: 'none', role: 'reader', salt: '00', hash: '0'.repeat(64), createdAt: '' };

/** Checks a presented token against the stored entries, in constant time per comparison. */
export function verifyToken(token: string, lookup: (id: string) => StoredToken | undefined): Principal | undefined {
  const id = tokenIdOf(token);
  const stored = (id !== undefined ? lookup(id) : undefined) ?? DUMMY;
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = Buffer.from(hashToken(token, stored.salt), 'hex');
  const same = expected.length === actual.length && timingSafeEqual(expected, actual);
  return same && stored !== DUMMY ? { tokenId: stored.id, name: stored.name, role: stored.role } : undefined;
}

/** Checks one stored entry's shape; returns what is wrong with it, or undefined. */
export function problemWithStoredToken(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return 'is not an object';
  const entry = value as Record<string, unknown>;
  if (typeof entry['id'] !== 'string' || !TOKEN_ID_PATTERN.test(entry['id'])) return 'has no valid "id" (12 hex digits)';
  if (typeof entry['name'] !== 'string' || !TOKEN_NAME_PATTERN.test(entry['name'])) return 'has no valid "name"';
  if (!isRole(entry['role'])) return `has no valid "role" (one of ${ROLES.join(', ')})`;
  if (typeof entry['salt'] !== 'string' || entry['salt'].length < 16) return 'has no valid "salt"';
  if (typeof entry['hash'] !== 'string' || !/^[0-9a-f]{64}$/.test(entry['hash'])) return 'has no valid "hash" (64 hex digits)';
  if (
    entry['expiresAt'] !== undefined &&
    entry['expiresAt'] !== null &&
    (typeof entry['expiresAt'] !== 'string' || Number.isNaN(Date.parse(entry['expiresAt'])))
  ) {
    return 'has an "expiresAt" that is not an ISO 8601 instant';
  }
  if ('token' in entry || 'secret' in entry) return 'holds a secret; store only the hash';
  return undefined;
}

/** The token in an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? header.trim();
}

/**
 * Where tokens live: a JSON file (default .data/tokens.json, written with mode 0600) that
 * `npm run token` and the admin mutations manage, plus read-only entries from the
 * AUTH_TOKENS environment variable (a JSON array of the same entries) for deployments
 * without a writable disk. Both hold hashes only. The file is re-read when it changes, so a
 * token created or revoked from the command line takes effect without a restart.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { ConfigError } from '../config/config.js';
import { generateToken, type Principal, problemWithStoredToken, type Role, type StoredToken, verifyToken } from './token.js';

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  /** Where the entry comes from: the file (revocable here) or AUTH_TOKENS (read-only). */
  origin: 'file' | 'env';
}

function parseEntries(text: string, where: string): StoredToken[] {
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

export class TokenStore {
  private fileEntries: StoredToken[] = [];
  private readonly envEntries: StoredToken[];
  private fileStamp = '';

  /**
   * @param file the token file (may not exist yet)
   * @param envJson the AUTH_TOKENS value, if set
   */
  constructor(
    readonly file: string,
    envJson: string | null = null,
  ) {
    this.envEntries = envJson ? parseEntries(envJson, 'AUTH_TOKENS') : [];
    this.refresh();
  }

  /** The principal a token belongs to, or undefined for an unknown or wrong token. */
  authenticate(token: string): Principal | undefined {
    this.refresh();
    return verifyToken(token, (id) => this.envEntries.find((e) => e.id === id) ?? this.fileEntries.find((e) => e.id === id));
  }

  list(): TokenInfo[] {
    this.refresh();
    const info =
      (origin: TokenInfo['origin']) =>
      (e: StoredToken): TokenInfo => ({ id: e.id, name: e.name, role: e.role, createdAt: e.createdAt, origin });
    return [...this.envEntries.map(info('env')), ...this.fileEntries.map(info('file'))];
  }

  /** Creates a token and stores its hash in the file; returns the secret, to be shown once. */
  create(name: string, role: Role): { token: string; info: TokenInfo } {
    this.refresh();
    const { token, stored } = generateToken(name, role);
    this.save([...this.fileEntries, stored]);
    return { token, info: { id: stored.id, name: stored.name, role: stored.role, createdAt: stored.createdAt, origin: 'file' } };
  }

  /** Removes a token from the file; false when the file holds no such token. */
  revoke(id: string): boolean {
    this.refresh();
    const kept = this.fileEntries.filter((e) => e.id !== id);
    if (kept.length === this.fileEntries.length) return false;
    this.save(kept);
    return true;
  }

  private refresh(): void {
    if (!existsSync(this.file)) {
      this.fileEntries = [];
      this.fileStamp = '';
      return;
    }
    const stat = statSync(this.file);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    if (stamp === this.fileStamp) return;
    this.fileEntries = parseEntries(readFileSync(this.file, 'utf8'), this.file);
    this.fileStamp = stamp;
  }

  private save(entries: StoredToken[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ tokens: entries }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.file);
    this.fileEntries = entries;
    const stat = statSync(this.file);
    this.fileStamp = `${stat.mtimeMs}:${stat.size}`;
  }
}

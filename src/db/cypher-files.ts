/**
 * All Cypher lives in `cypher/<feature>/<verb-noun>.cypher`. Repositories name a file; this
 * module reads it once and caches it. A test runs EXPLAIN on every file against the real
 * database, so a broken query fails CI instead of a user's request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { PROJECT_ROOT } from '../config/paths.js';

export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`, e.g. `cypherText('actors/find-actors')`. */
export function cypherText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Every query name under cypher/, e.g. ['actors/find-actors', 'schema/001-constraints', ...]. */
export function listCypherNames(dir = CYPHER_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.cypher'))
    .map((entry) => relative(CYPHER_DIR, join(entry.parentPath, entry.name)).replace(/\.cypher$/, ''))
    .sort();
}

/** A schema file holds several statements separated by semicolons (one per constraint/index). */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}

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

const COMBINED = '+';

/** One query that runs the named files together (see cypherText): `combined('a/x', 'b/y')`. */
export function combined(...names: string[]): string {
  return names.join(COMBINED);
}

/**
 * The text of `cypher/<name>.cypher` as sent to Neo4j, e.g. `cypherText('actors/find-actors')`:
 * without its comments and indentation (see compactCypher).
 *
 * Names joined by `combined` (`stances/list-stances+stances/count-stances-of-kinds`) are one query
 * that runs each file as an uncorrelated subquery and returns all their columns: for files
 * that each return one row and share their parameters, two answers for one round trip (each
 * query costs the driver about 0.4 ms of CPU on these machines, whatever its size).
 */
export function cypherText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const parts = name.split(COMBINED);
    text =
      parts.length === 1
        ? compactCypher(readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8'))
        : `${parts.map((part) => `CALL () {\n${cypherText(part)}\n}`).join('\n')}\nRETURN *`;
    cache.set(name, text);
  }
  return text;
}

/**
 * Drops `//` comments and each line's indentation, outside string literals and backquoted
 * names. The files explain themselves at length; the driver sends the text with every query,
 * in Bolt chunks of 1,400 bytes, each a socket write, so the stance table's 6 KB file cost
 * five writes per request. Line breaks stay, so Neo4j's error positions still name a line.
 */
export function compactCypher(text: string): string {
  const lines: string[] = [];
  let line = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quote) {
      line += char;
      if (char === '\\' && quote !== '`') {
        line += text[i + 1] ?? '';
        i += 1;
      } else if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
      line += char;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i += 1;
    } else if (char === '\n') {
      lines.push(line.trim());
      line = '';
    } else line += char;
  }
  lines.push(line.trim());
  return lines.filter((kept) => kept.length > 0).join('\n');
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

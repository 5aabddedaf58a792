/**
 * What no answer may contain, whatever was asked: an HTTP 500, the INTERNAL_SERVER_ERROR code,
 * a stack trace, a file path of this machine, or the text of our Cypher (or the driver's own
 * error text). A GraphQL error must carry an `extensions.code`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../../src/local-neo4j/local-neo4j.js';

/** Lines of our .cypher files long enough not to occur by chance (comments left out). */
function cypherLines(): string[] {
  const root = join(PROJECT_ROOT, 'cypher');
  const lines = new Set<string>();
  for (const folder of readdirSync(root)) {
    for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.cypher'))) {
      for (const line of readFileSync(join(root, folder, file), 'utf8').split('\n')) {
        const text = line.trim();
        if (text.length >= 24 && !text.startsWith('//')) lines.add(text);
      }
    }
  }
  return [...lines];
}

const CYPHER_LINES = cypherLines();

const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['stack trace', /(?:\n|\\n)\s*at [^\n\\]*?:\d+:\d+/],
  ['stack trace', /\bat (?:async )?[\w.<>]+ \((?:node:|file:|\/)[^)]*\)/],
  ['file path', /file:\/\/\//],
  ['file path', /node_modules/],
  ['file path', new RegExp(PROJECT_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
  ['file path', /\/(?:home|root|usr\/lib|opt|tmp)\/[\w.-]+\/[\w.-]+\.(?:js|ts|mjs|cjs|java)\b/],
  ['driver error', /Neo\.(?:ClientError|TransientError|DatabaseError)/],
  ['driver error', /Neo4jError|neo4j-driver/],
  ['internal error code', /INTERNAL_SERVER_ERROR/],
];

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Every problem with one answer; empty when it is fine. */
export function problemsOf(answer: Answer, path: string): string[] {
  const problems: string[] = [];
  if (answer.status === 500) problems.push('HTTP 500');
  if (answer.status > 500 && !/"code"\s*:\s*"(?:DATABASE_UNAVAILABLE|QUERY_TIMEOUT|RESULT_TOO_LARGE)"/.test(answer.text))
    problems.push(`HTTP ${answer.status} without a code that explains it`);
  for (const [what, pattern] of LEAKS) {
    if (pattern.test(answer.text)) problems.push(`${what} in the answer (${pattern.source})`);
  }
  const cypher = leakedCypher(answer.text);
  if (cypher) problems.push(`Cypher text in the answer: ${cypher}`);
  if (path.startsWith('/graphql')) problems.push(...graphqlProblems(answer));
  return problems;
}

/**
 * A line of our Cypher found in the answer. Cypher reaches a client through error messages,
 * never through data read from the graph, so of a large answer (a big page of results) only
 * its errors are searched: scanning a megabyte for every line would block the event loop the
 * health poll measures.
 */
function leakedCypher(text: string): string | undefined {
  let haystack = text;
  if (text.length > 64 * 1024) {
    try {
      const body = JSON.parse(text) as { errors?: unknown } | unknown[];
      haystack = JSON.stringify(Array.isArray(body) ? body.map((b) => (b as { errors?: unknown } | null)?.errors ?? null) : (body?.errors ?? null));
    } catch {
      haystack = text;
    }
  }
  return CYPHER_LINES.find((line) => haystack.includes(line) || haystack.includes(JSON.stringify(line).slice(1, -1)));
}

/** /graphql answers in the GraphQL JSON shape, and every error says what kind it is. */
function graphqlProblems(answer: Answer): string[] {
  // Refused by Node's HTTP parser before any route runs (a URL or headers over 16 KB): the
  // status says it all, and there is no app code to answer in JSON.
  if (answer.status === 431 || answer.status === 414) return [];
  if (answer.status === 404 || answer.status === 405) return [];
  if (!/json/i.test(answer.contentType)) return [`a /graphql answer that is not JSON (${answer.contentType || 'no content type'}, HTTP ${answer.status})`];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return ['a /graphql answer whose body does not parse as JSON'];
  }
  const results = Array.isArray(body) ? body : [body];
  const problems: string[] = [];
  for (const result of results) {
    if (result === null || typeof result !== 'object') {
      problems.push('a /graphql answer that is not an object');
      continue;
    }
    const errors = (result as { errors?: unknown }).errors;
    if (errors === undefined) continue;
    if (!Array.isArray(errors)) {
      problems.push('"errors" that is not a list');
      continue;
    }
    for (const error of errors as Array<{ message?: unknown; extensions?: { code?: unknown } }>) {
      if (typeof error?.extensions?.code !== 'string') problems.push(`an error without extensions.code: ${JSON.stringify(error).slice(0, 200)}`);
    }
  }
  return problems;
}

/**
 * One fuzz request, generated from (seed, index) alone: a GraphQL operation (from the schema,
 * a mutated example, a search, a page, a bomb, an import) or an HTTP-level abuse (malformed
 * JSON, wrong content type or charset, oversize body, batches, odd methods and paths).
 */
import { editorMutation, mutatedExample, type OperationContext, schemaOperation } from './operations.js';
import { bombOperation, malformedDataset, paginationOperation, searchOperation } from './payloads.js';
import { NASTY_STRINGS, randomString, Rng, SEED_IDS } from './random.js';

export type Who = 'anonymous' | 'reader' | 'editor' | 'forged';

export interface FuzzRequest {
  /** Which generator made it (for the report). */
  kind: string;
  method: string;
  path: string;
  /** Which token goes in the Authorization header. */
  who: Who;
  headers: Record<string, string>;
  body?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** encodeURIComponent, with lone surrogates (which it refuses) as U+FFFD. */
function encodeLoosely(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function graphql(kind: string, who: Who, query: string, variables?: unknown, extra: Record<string, unknown> = {}): FuzzRequest {
  const body = JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...extra });
  return { kind, method: 'POST', path: '/graphql', who, headers: JSON_HEADERS, body };
}

const IMPORT = `mutation Import($dataset: JSON!, $dryRun: Boolean) { importDataset(dataset: $dataset, dryRun: $dryRun) { dryRun created updated unchanged } }`;

/** Raw bodies that are not what they claim to be. */
function malformedBody(rng: Rng): string {
  const valid = JSON.stringify({ query: '{ actors { total } }' });
  return rng.pick([
    '',
    '{',
    '}',
    '{"query":',
    '{"query": "{ actors { total } }"',
    valid.slice(0, rng.int(1, valid.length - 1)),
    `${valid}garbage`,
    '{"query": 42}',
    '{"query": null}',
    '{"query": ["{ actors { total } }"]}',
    '{"query": "{ actors { total } }", "variables": "not an object"}',
    '{"query": "{ actors { total } }", "variables": [1, 2]}',
    '{"query": "{ actors { total } }", "operationName": 7}',
    '{"query": "{ actors { total } }", "extensions": "x"}',
    '{"query": "{ actors { total } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000"}}}',
    '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    '{"extensions": {"persistedQuery": {"version": 2, "sha256Hash": 5}}}',
    '{"__proto__": {"query": "{ actors { total } }"}}',
    '{"constructor": {"prototype": {"polluted": true}}, "query": "{ __typename }"}',
    'null',
    'true',
    '"{ actors { total } }"',
    '12345678901234567890',
    '\u0000\u0001\u0002',
    '\ufeff{"query": "{ __typename }"}',
    '{"query": "\\ud800"}',
    `{"query": "{ __typename }", ${'"k": 1, '.repeat(5000)}"z": 2}`,
    '['.repeat(rng.pick([100, 5000, 100_000])),
    '{"a":'.repeat(rng.pick([100, 20_000])),
    `{"query": "{ __typename }", "variables": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    randomString(rng),
  ]);
}

export type GenerateContext = OperationContext;

/** Request `index` of the run with seed `seed`. */
export function generateRequest(seed: number, index: number, ctx: GenerateContext): FuzzRequest {
  const rng = Rng.forRequest(seed, index);
  const who = rng.weighted<Who>([
    [6, 'anonymous'],
    [2, 'reader'],
    [1, 'editor'],
    [1, 'forged'],
  ]);
  const category = rng.weighted<string>([
    [22, 'schemaQuery'],
    [5, 'schemaMutation'],
    [5, 'editorMutation'],
    [12, 'example'],
    [10, 'search'],
    [10, 'pagination'],
    [8, 'bomb'],
    [4, 'batch'],
    [7, 'malformedJson'],
    [5, 'contentType'],
    [2, 'oversize'],
    [5, 'import'],
    [3, 'get'],
    [2, 'otherRoute'],
  ]);
  switch (category) {
    case 'schemaQuery':
      return graphql(category, who, schemaOperation(rng, ctx, 'query'));
    case 'schemaMutation':
      // Without a token, or with a reader's, every mutation must be refused before it writes.
      return graphql(category, rng.pick(['anonymous', 'reader', 'forged'] as const), schemaOperation(rng, ctx, 'mutation'));
    case 'editorMutation':
      return graphql(category, 'editor', editorMutation(rng, ctx));
    case 'example':
      return graphql(category, who, mutatedExample(rng, ctx));
    case 'search': {
      const { query, variables } = searchOperation(rng);
      return graphql(category, who, query, variables);
    }
    case 'pagination': {
      const { query, variables } = paginationOperation(rng);
      return graphql(category, rng.chance(0.5) ? 'editor' : who, query, variables);
    }
    case 'bomb':
      return graphql(category, who, bombOperation(rng));
    case 'batch': {
      // Many small operations, or a few bombs (a thousand bombs would only test the body limit).
      const count = rng.pick([0, 1, 2, 10, 100, 1000]);
      const ops = Array.from({ length: count }, () => ({
        query:
          count <= 10 && rng.chance(0.5)
            ? bombOperation(rng)
            : rng.pick(['{ actors { total } }', '{ __typename }', '{ search(text: "ceasefire") { __typename } }']),
      }));
      return { kind: category, method: 'POST', path: '/graphql', who, headers: JSON_HEADERS, body: JSON.stringify(ops) };
    }
    case 'malformedJson':
      return { kind: category, method: 'POST', path: '/graphql', who, headers: JSON_HEADERS, body: malformedBody(rng) };
    case 'contentType': {
      const contentType = rng.pick([
        'text/plain',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/json; charset=nonsense',
        'application/graphql',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        '',
        'application/json, text/plain',
        'application/json; charset=utf-8; boundary=',
        'APPLICATION/JSON',
      ]);
      const body = rng.chance(0.5) ? JSON.stringify({ query: '{ actors { total } }' }) : 'query=%7B%20actors%20%7B%20total%20%7D%20%7D';
      const headers: Record<string, string> = contentType === '' ? {} : { 'content-type': contentType };
      if (rng.chance(0.3)) headers['content-encoding'] = rng.pick(['gzip', 'deflate', 'br', 'identity', 'bogus']);
      return { kind: category, method: 'POST', path: '/graphql', who, headers, body };
    }
    case 'oversize': {
      const size = rng.pick([1024 * 1024 + 1, 2 * 1024 * 1024]);
      const body = rng.chance(0.5)
        ? JSON.stringify({ query: `{ actors(name: "${'a'.repeat(size)}") { total } }` })
        : JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(size) } });
      return { kind: category, method: 'POST', path: '/graphql', who, headers: JSON_HEADERS, body };
    }
    case 'import': {
      const dryRun = rng.chance(0.5);
      const dataset = malformedDataset(rng, ctx.marker);
      const token = rng.chance(0.85) ? 'editor' : who;
      return graphql(category, token, IMPORT, { dataset, dryRun });
    }
    case 'get': {
      const query = rng.chance(0.5)
        ? schemaOperation(rng, ctx, 'query')
        : rng.chance(0.5)
          ? 'mutation { createActor(input: {name: "x", kind: PERSON, evidence: []}) { id } }'
          : randomString(rng);
      const params = new URLSearchParams({ query });
      if (rng.chance(0.3)) params.set('variables', rng.pick(['{', '[]', '{"a":1}', randomString(rng)]));
      if (rng.chance(0.2)) params.set('extensions', rng.pick(['{"persistedQuery":{"version":1,"sha256Hash":"00"}}', 'x']));
      // Apollo's CSRF prevention wants a preflight-forcing header on GET; send it, or not.
      const headers: Record<string, string> = rng.chance(0.7) ? { 'apollo-require-preflight': 'true' } : {};
      return { kind: category, method: 'GET', path: `/graphql?${params.toString()}`, who, headers };
    }
    default: {
      const path = rng.pick([
        `/export/stances.csv?kind=${encodeLoosely(rng.pick(NASTY_STRINGS))}`,
        `/export/stances.jsonl?actor=${encodeLoosely(rng.pick(SEED_IDS))}&from=${rng.pick(['2025-06-02', '0000-00-00', '99999-01-01', ''])}`,
        `/export/stances.csv?${'actor=a&'.repeat(rng.pick([10, 101, 2000]))}`,
        `/export/stances.csv?actor[a]=1&kind[]=PROPOSED`,
        `/export/plover.jsonl?to=2025-01-01&from=2025-12-31`,
        `/export/graph.json?x=1`,
        '/export/%E0%A4%A',
        `/${encodeLoosely(randomString(rng))}`,
        '/health/ready',
        '/graphql/../../etc/passwd',
        '/playground?x=%00',
      ]);
      return { kind: category, method: rng.pick(['GET', 'GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS', 'PATCH']), path, who, headers: {} };
    }
  }
}

/** A short, replayable description of a request for failure reports. */
export function describeRequest(seed: number, index: number, request: FuzzRequest): string {
  const body = request.body === undefined ? '' : request.body.length > 1500 ? `${request.body.slice(0, 1500)}… (${request.body.length} chars)` : request.body;
  return `seed ${seed}, index ${index} [${request.kind}] ${request.method} ${request.path.slice(0, 300)} as ${request.who} ${JSON.stringify(request.headers)}\n  body: ${body}`;
}

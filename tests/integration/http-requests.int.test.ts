/**
 * Issue 9: what /graphql answers to requests that are broken or abusive at the HTTP level.
 * Every refusal is the GraphQL JSON error shape with a code and a fitting status, never an
 * HTML page or a stack trace, and it comes before Apollo parses anything.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { createTestApp } from '../helpers/test-app.js';

let app: App;
let server: Server;
let url: string;

beforeAll(async () => {
  app = await createTestApp();
  server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.stop();
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // asserted below: the answer must be JSON
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body: parsed };
}

const postQuery = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));

function expectCleanError(answer: Answer, status: number, code: string): void {
  expect(answer.contentType).toMatch(/application\/json/);
  expect(answer.status).toBe(status);
  expect(answer.body.errors?.[0]?.extensions?.['code']).toBe(code);
  expect(answer.text).not.toMatch(/<html|<pre|stacktrace|\sat \S+ \(|node_modules|\/src\//i);
}

describe('answers', () => {
  it("are never stored by a cache (they depend on the caller's token) and carry no ETag", async () => {
    for (const response of [
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ actors(page: { limit: 1 }) { total } }' }),
      }),
      await fetch(`${url}?query=${encodeURIComponent('{ actors(page: { limit: 1 }) { total } }')}`, { headers: { 'apollo-require-preflight': 'true' } }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
      await response.text();
    }
  });
});

describe('body parser errors', () => {
  it('malformed JSON is BAD_REQUEST, 400', async () => {
    expectCleanError(await post('{"query": "{ actors { total } }"'), 400, 'BAD_REQUEST');
  });

  it('a body over 1 MB is PAYLOAD_TOO_LARGE, 413', async () => {
    expectCleanError(await post(JSON.stringify({ query: `{ actors { total } }`, variables: { x: 'x'.repeat(1_100_000) } })), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('an unsupported charset is BAD_REQUEST, 415', async () => {
    expectCleanError(await post('{"query": "{ actors { total } }"}', { 'content-type': 'application/json; charset=latin-1' }), 415, 'BAD_REQUEST');
  });

  it('a body that is not JSON is BAD_REQUEST, 415', async () => {
    expectCleanError(await post('query={ actors { total } }', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'BAD_REQUEST');
    expectCleanError(await post('{ actors { total } }', { 'content-type': 'text/plain' }), 415, 'BAD_REQUEST');
  });

  it('JSON that is not an operation is BAD_REQUEST, 400', async () => {
    expectCleanError(await post('"just a string"'), 400, 'BAD_REQUEST');
    expectCleanError(await post('{}'), 400, 'BAD_REQUEST');
  });
});

describe('document and body bounds', () => {
  it('refuses a document of more tokens than the limit before parsing it', async () => {
    const answer = await postQuery(`{ actors { items { ${'id '.repeat(10_001)} } } }`);
    expectCleanError(answer, 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: 'tokens', maximum: 10_000 });
  });

  it('refuses more fragment definitions than the limit before parsing', async () => {
    let text = 'query Q { actors { items { ...F0 } } }\n';
    for (let i = 0; i < 1_000; i++) text += `fragment F${i} on Actor { ${i + 1 < 1_000 ? `...F${i + 1}` : 'id'} }\n`;
    const answer = await postQuery(text);
    expectCleanError(answer, 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: 'fragments', maximum: 100 });
  });

  it('refuses a document larger than the byte limit', async () => {
    const answer = await postQuery(`{ actors { total } } # ${'x'.repeat(100_000)}`);
    expectCleanError(answer, 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: 'documentBytes', maximum: 100_000 });
  });

  it('a 20,000-deep JSON dataset literal is BAD_USER_INPUT, with no stack overflow', async () => {
    const answer = await postQuery(`mutation { importDataset(dataset: ${'['.repeat(20_000)}1${']'.repeat(20_000)}, dryRun: true) { created } }`);
    expectCleanError(answer, 400, 'BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: 'nesting', maximum: 64 });
  });

  it('a 20,000-deep JSON dataset variable is BAD_USER_INPUT, with no stack overflow', async () => {
    const dataset = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const answer = await post(`{"query": "mutation ($d: JSON!) { importDataset(dataset: $d, dryRun: true) { created } }", "variables": {"d": ${dataset}}}`);
    expectCleanError(answer, 400, 'BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: 'jsonDepth', maximum: 64 });
  });
});

describe('other odd requests', () => {
  it('an operation name the document does not hold is a client error, not an internal one', async () => {
    const answer = await post(JSON.stringify({ query: 'query A { actors { total } }', operationName: 'Nope' }));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.['code']).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('an unknown path is a JSON 404', async () => {
    const response = await fetch(url.replace('/graphql', '/nope'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

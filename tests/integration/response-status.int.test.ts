/**
 * Issue 9: bounds on a running request (response size, wall time) and the HTTP status of
 * answers that carry no data: 503 with Retry-After when the database is unavailable, 504 on a
 * timeout, 400 for a persisted-query hash that does not match.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createTestApp } from '../helpers/test-app.js';

const running: Array<{ app: App; server: Server }> = [];

async function serve(app: App): Promise<string> {
  const server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({ app, server });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

afterAll(async () => {
  for (const { app, server } of running) {
    await new Promise((resolve) => server.close(resolve));
    await app.stop();
  }
});

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  };
}

describe('status of answers without data', () => {
  it('DATABASE_UNAVAILABLE is HTTP 503 with Retry-After', async () => {
    // Nothing listens on this port: every query fails as the database being unavailable.
    const config = loadConfig({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      LOG_LEVEL: 'silent',
      SEED_ON_EMPTY: 'false',
      NEO4J_CONNECTION_TIMEOUT_MS: '500',
      RATE_LIMIT_ENABLED: 'false',
    });
    const url = await serve(await createApp(config));
    const answer = await post(url, { query: '{ actors { total } }' });
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
    expect(answer.body.data).toBeNull();
    expect(answer.status).toBe(503);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  });

  it('a request past its wall-time bound is QUERY_TIMEOUT, HTTP 504, with no partial answer', async () => {
    // One millisecond cannot cover a database round trip and the fields after it.
    const url = await serve(await createTestApp({ GRAPHQL_REQUEST_TIMEOUT_MS: '1' }));
    const answer = await post(url, { query: '{ actors(page: { limit: 5 }) { items { id name proposed { id } } } }' });
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TIMEOUT', maximum: 1 });
    expect(answer.body.data).toBeUndefined();
    expect(answer.status).toBe(504);
  });
});

describe('response size', () => {
  it('an answer of more field values than the bound is RESULT_TOO_LARGE, with no partial answer', async () => {
    const url = await serve(await createTestApp({ GRAPHQL_MAX_RESPONSE_FIELDS: '20' }));
    const small = await post(url, { query: '{ actors(page: { limit: 3 }) { items { id } } }' });
    expect(small.body.errors).toBeUndefined();
    const answer = await post(url, { query: '{ actors(page: { limit: 30 }) { items { id name } } }' });
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', limit: 'responseFields', maximum: 20 });
    expect(answer.body.data).toBeUndefined();
    expect(answer.status).toBe(400);
  });

  it('an answer of more bytes than the bound is RESULT_TOO_LARGE', async () => {
    const url = await serve(await createTestApp({ GRAPHQL_MAX_RESPONSE_BYTES: '1024' }));
    const answer = await post(url, { query: '{ stances(page: { limit: 50 }) { items { id evidence { quote } } } }' });
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', limit: 'responseBytes', maximum: 1024 });
  });
});

describe('persisted queries', () => {
  it('a hash that does not match its query is BAD_REQUEST, 400', async () => {
    const url = await serve(await createTestApp());
    const query = '{ actors { total } }';
    const wrong = createHash('sha256').update('something else').digest('hex');
    const answer = await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    const right = createHash('sha256').update(query).digest('hex');
    const registered = await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: right } } });
    expect(registered.body.errors).toBeUndefined();
  });
});

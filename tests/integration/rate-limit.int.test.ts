/**
 * Issue 9: requests per client and window on /graphql and /export. A client is its token when
 * it sends a valid one, else its address; over the limit it gets 429, Retry-After and a coded
 * error. Health checks are never limited.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { makeTokens, runMarker } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const tokens = makeTokens(runMarker());
let app: App;
let server: Server;
let base: string;

beforeAll(async () => {
  app = await createTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_ANONYMOUS_MAX: '3', RATE_LIMIT_TOKEN_MAX: '5', AUTH_TOKENS: tokens.env });
  server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.stop();
});

const ask = (token?: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ actors { total } }' }),
  });

describe('rate limiting', () => {
  it('refuses an anonymous address past its limit with 429, Retry-After and RATE_LIMITED, while a token keeps its own budget', async () => {
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions['code']).toBe('RATE_LIMITED');
    expect(body.errors[0]?.message).toMatch(/limit is 3 per 60 s/);

    // The same address with a valid token is counted as the token, with the token's limit.
    for (let i = 0; i < 5; i++) expect((await ask(tokens.tokens.reader)).status).toBe(200);
    expect((await ask(tokens.tokens.reader)).status).toBe(429);
    expect((await ask(tokens.tokens.editor)).status).toBe(200);
  });

  it('limits /export too, in its own error shape, and never the health checks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/export`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await fetch(`${base}/export`);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 10; i++) expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});

describe('rate limiting behind a proxy (TRUST_PROXY=1, as docker-compose.yml sets for its replicas)', () => {
  it('counts each client by the address the proxy appends to X-Forwarded-For, not the proxy', async () => {
    const proxied = await createTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_ANONYMOUS_MAX: '2', TRUST_PROXY: '1' });
    const proxy = createServer(proxied.http);
    try {
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/export`;
      // nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the client's address.
      const from = (client: string, claimed?: string) =>
        fetch(url, { headers: { 'x-forwarded-for': claimed ? `${claimed}, ${client}` : client } }).then((r) => r.status);
      expect([await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.7')]).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own budget.
      expect(await from('198.51.100.4')).toBe(200);
      // Only the last hop is trusted: a client cannot claim another address to escape its limit.
      expect(await from('203.0.113.7', '192.0.2.99')).toBe(429);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
      await proxied.stop();
    }
  });
});

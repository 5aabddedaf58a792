/**
 * The service must survive its database: it starts while Neo4j is down (not ready), becomes
 * ready when Neo4j comes up, answers DATABASE_UNAVAILABLE (no stack, no hang) when Neo4j
 * dies, and recovers by itself when Neo4j is back. This test runs a Neo4j of its own on
 * another port, so killing it does not disturb the other tests.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { defaultLocalNeo4jOptions, type LocalNeo4jOptions, startLocalNeo4j, stopLocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';

// Beside this checkout's own Neo4j (7697 by default), so two checkouts can run their suites at once.
const PORT = defaultLocalNeo4jOptions().port + 10;
const neo4j: LocalNeo4jOptions = {
  ...defaultLocalNeo4jOptions(),
  home: join(PROJECT_ROOT, '.data', 'neo4j-fault-test'),
  port: PORT,
  heap: '512m',
  log: () => undefined,
};

let app: App;
let server: Server;
let baseUrl: string;

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function graphql(
  query: string,
): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as never };
}

async function waitForReady(timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await get('/health/ready')).status;
    if (status === 200) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
  return status;
}

beforeAll(async () => {
  await stopLocalNeo4j(neo4j);
  rmSync(neo4j.home, { recursive: true, force: true });
  const config = loadConfig({
    NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
    NEO4J_PASSWORD: neo4j.password,
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY: 'false',
    NEO4J_CONNECTION_TIMEOUT_MS: '2000',
  });
  server = createServer();
  app = await createApp(config, { httpServer: server });
  server.on('request', app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await stopLocalNeo4j(neo4j);
  rmSync(neo4j.home, { recursive: true, force: true });
}, 60_000);

describe('health and database faults', () => {
  it('is live but not ready while Neo4j is down, and GraphQL says DATABASE_UNAVAILABLE', async () => {
    expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'live' } });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body['reason']).toEqual(expect.any(String));

    const result = await graphql('{ sources { total } }');
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(result.body)).not.toMatch(/stacktrace|at \w+ \(|MATCH/);
  });

  it('becomes ready by itself once Neo4j comes up, and serves data from it', async () => {
    await startLocalNeo4j(neo4j);
    expect(await waitForReady(60_000)).toBe(200);
    const result = await graphql('{ sources { total } actors { total } }');
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({ sources: { total: 0 }, actors: { total: 0 } });
  }, 180_000);

  it('reports not ready and DATABASE_UNAVAILABLE when Neo4j dies while serving', async () => {
    await stopLocalNeo4j(neo4j);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    const result = await graphql('{ actors { total } }');
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
    expect(result.body.errors?.[0]?.message).toMatch(/database is unavailable/i);
  }, 60_000);

  it('recovers without a restart when Neo4j is back', async () => {
    await startLocalNeo4j(neo4j);
    expect(await waitForReady(60_000)).toBe(200);
    const result = await graphql('{ actors { total } }');
    expect(result.body).toEqual({ data: { actors: { total: 0 } } });
  }, 180_000);
});

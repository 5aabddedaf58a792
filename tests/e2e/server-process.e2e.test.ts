/**
 * The service as a process, the way `npm start` runs it (`node scripts/launch.mjs`: the Node
 * check, then the compiled server in dist/, built here beforehand when stale): it listens,
 * serves, refuses bad configuration with a message naming the variable, and exits cleanly on
 * SIGTERM. NEO4J_URI is set, so it provisions nothing and uses the test Neo4j.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import { PROJECT_ROOT } from '../../src/config/paths.js';
import { ensureBuild } from '../helpers/replicas.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['scripts/launch.mjs'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), SEED_ON_EMPTY: 'false', ...env },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

// The compile (when sources changed since the last one) is `npm start`'s first-run cost, not
// the start-up under test.
beforeAll(() => ensureBuild(), 240_000);

describe('the server process', () => {
  it('serves GraphQL, reports ready, and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), HOST: '127.0.0.1' });
    try {
      expect(await waitFor(() => server.output().includes('"msg":"server listening"'), 60_000)).toBe(true);
      // npm start's start script, not main.ts alone: with NEO4J_URI set it says so and provisions nothing.
      expect(server.output()).toContain(`Using the Neo4j at ${inject('neo4jUri')}`);
      expect(await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200, 60_000)).toBe(true);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ actor(id: "actor:russia") { name } }' }),
      });
      expect(await response.json()).toEqual({ data: { actor: { name: 'Russia' } } });

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('"msg":"shutting down","signal":"SIGTERM"');
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses an invalid setting at start, naming the variable', async () => {
    const server = startServer({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Configuration error: PORT must be a whole number from 0 to 65535, got "eighty"');
  }, 60_000);
});

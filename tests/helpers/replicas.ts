/**
 * API replicas as separate processes, the way a deployment runs them: each is `npm start`'s
 * compiled server (dist/, built once here when stale) on its own ephemeral port, sharing only
 * the test Neo4j. Nothing is shared in memory, so what one replica learns of another's work
 * it learns through the database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createClient, type Client } from 'graphql-ws';
import { inject } from 'vitest';
import WebSocket from 'ws';

import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';

export interface Replica {
  name: string;
  url: string;
  wsUrl: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: the replica dies at once, as a crashed machine would. */
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Compiles dist/ unless it is current (what `npm start` does before serving). */
export async function ensureBuild(): Promise<void> {
  const launcher = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'launch.mjs')).href)) as {
    buildIsCurrent(): boolean;
    build(log?: (line: string) => void): void;
  };
  if (!launcher.buildIsCurrent()) launcher.build(() => undefined);
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', join('dist', 'src', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      SEED_ON_EMPTY: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // As deployed: vitest's NODE_ENV=test changes how Apollo treats termination signals.
      NODE_ENV: 'production',
      ...env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const ready = await waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200, 90_000, 200);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`replica ${name} did not get ready:\n${output}`);
  }
  return {
    name,
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface HttpResult {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> };
}

/** POSTs one operation to a replica, as any HTTP client would. */
export async function post(
  replica: Replica,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; bookmark?: string } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.bookmark !== undefined) headers['bookmark'] = options.bookmark;
  const response = await fetch(`${replica.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
  return { status: response.status, body: (await response.json()) as HttpResult['body'] };
}

/** A graphql-ws subscription whose events are collected as they come. */
export interface Subscription {
  events: any[];
  errors: unknown[];
  completed: boolean;
  client: Client;
  next(count: number, timeoutMs: number): Promise<any[]>;
  close(): Promise<void>;
}

export function subscribe(replica: Replica, query: string, options: { token?: string; variables?: Record<string, unknown> } = {}): Subscription {
  const client = createClient({
    url: replica.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const subscription: Subscription = {
    events: [],
    errors: [],
    completed: false,
    client,
    async next(count, timeoutMs) {
      await waitFor(() => subscription.events.length >= count || subscription.errors.length > 0 || subscription.completed, timeoutMs, 50);
      return subscription.events.slice(0, count);
    },
    async close() {
      await client.dispose();
    },
  };
  client.subscribe(
    { query, variables: options.variables ?? {} },
    {
      next: (value) => subscription.events.push(value),
      error: (error) => subscription.errors.push(error),
      complete: () => (subscription.completed = true),
    },
  );
  return subscription;
}

/**
 * `npm run bench:startup`: how fast the API starts and how much memory it holds, as `npm start`
 * runs it now (compiled JavaScript from dist/) and as it ran before (TypeScript through tsx).
 * Each variant is started several times against the same running Neo4j (the local one, started
 * if needed, or NEO4J_URI); the table shows the median of:
 *   - live: process spawn to the first 200 from /health/live (the HTTP server answers),
 *   - ready: spawn to the first 200 from /health/ready (database checked, schema applied),
 *   - RSS at ready, and after one GraphQL query (resident memory of the process, from /proc).
 *
 *   npm run bench:startup -- --runs 5
 *   npm run bench:startup -- --only tsx --root /tmp/old-checkout --node /usr/bin/node
 *                            (the same measurement of another checkout, e.g. before a change,
 *                             on another Node; its node_modules must be installed)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';

import { loadDotEnv } from '../src/config/config.js';
import { defaultLocalNeo4jOptions, PROJECT_ROOT, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
// @ts-expect-error: a plain .mjs module without types (the launcher must run before any build).
import { build, buildIsCurrent } from './launch.mjs';

interface Variant {
  name: string;
  args: string[];
}

const VARIANTS: Variant[] = [
  { name: 'compiled (npm start now: node dist/)', args: ['--enable-source-maps', 'dist/scripts/start.js'] },
  { name: 'tsx (npm start before: TypeScript at start)', args: ['--import', 'tsx', 'scripts/start.ts'] },
];

interface Sample {
  liveMs: number;
  readyMs: number;
  rssReadyMb: number;
  rssAfterQueryMb: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resident set size of a process in MB (Linux /proc); NaN elsewhere. */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function waitForStatus(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const status = await fetch(url)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

interface Target {
  root: string;
  node: string;
}

async function sample(variant: Variant, env: NodeJS.ProcessEnv, target: Target): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(target.node, variant.args, {
    cwd: target.root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForStatus(`${base}/health/live`, child, 120_000);
    const liveMs = performance.now() - started;
    await waitForStatus(`${base}/health/ready`, child, 120_000);
    const readyMs = performance.now() - started;
    const rssReadyMb = rssMb(child.pid as number);
    await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actors { total items { id name } } }' }),
    });
    return { liveMs, readyMs, rssReadyMb, rssAfterQueryMb: rssMb(child.pid as number) };
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function main(): Promise<void> {
  loadDotEnv();
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, only: { type: 'string' }, root: { type: 'string' }, node: { type: 'string' } },
  });
  const runs = Math.max(1, Number(values.runs) || 3);
  const target: Target = { root: values.root ?? PROJECT_ROOT, node: values.node ?? process.execPath };
  const variants = VARIANTS.filter((v) => !values.only || v.name.startsWith(values.only));
  const env = { ...process.env };
  if (!env['NEO4J_URI']) {
    const options = defaultLocalNeo4jOptions();
    env['NEO4J_URI'] = await startLocalNeo4j(options);
    env['NEO4J_PASSWORD'] = options.password;
  }
  if (target.root === PROJECT_ROOT && variants.some((v) => v.name.startsWith('compiled')) && !buildIsCurrent()) {
    const started = performance.now();
    build();
    console.log(`First start after a change also compiles: ${((performance.now() - started) / 1000).toFixed(1)} s (once).`);
  }
  const nodeVersion = spawnSync(target.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`Node ${nodeVersion}; ${target.root}; ${runs} starts per variant against ${env['NEO4J_URI']}; medians:\n`);
  console.log('| variant | live (ms) | ready (ms) | RSS at ready (MB) | RSS after a query (MB) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const variant of variants) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await sample(variant, env, target));
    const m = (key: keyof Sample) => median(samples.map((s) => s[key])).toFixed(0);
    console.log(`| ${variant.name} | ${m('liveMs')} | ${m('readyMs')} | ${m('rssReadyMb')} | ${m('rssAfterQueryMb')} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

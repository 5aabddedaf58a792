/**
 * The benchmark's contenders as processes of their own, each run as compiled JavaScript so
 * none pays for on-the-fly TypeScript: the service from the same dist/ build `npm start` runs
 * (tsc, for its decorator metadata), the raw server and the @neo4j/graphql peer bundled once
 * by esbuild (no decorators) with their packages left to node_modules.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSync } from 'esbuild';

import { PROJECT_ROOT } from '../../src/config/paths.js';

/** Compiles dist/ when it is missing or older than its sources, exactly as `npm start` does. */
export function buildService(): string {
  const result = spawnSync(process.execPath, ['-e', "import('./scripts/launch.mjs').then((m) => { if (!m.buildIsCurrent()) m.build(); })"], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Compiling the service (dist/) failed');
  return join(PROJECT_ROOT, 'dist/scripts/start.js');
}

/** Bundles one bench server script to .data/bench-build/<name>.mjs and returns its path. */
export function bundleScript(script: string): string {
  const outfile = join(PROJECT_ROOT, '.data/bench-build', script.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
  buildSync({ entryPoints: [join(PROJECT_ROOT, script)], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  return outfile;
}

/** Starts `node [nodeArgs] file` and waits until `ready()` says it answers. */
export async function startServer(file: string, env: Record<string, string>, ready: () => Promise<boolean>, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`);
    try {
      if (await ready()) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`${file} did not get ready`);
}

/** Sends SIGTERM and waits for the exit (a CPU profile is written on the way out). */
export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const rssMb = (pid: number | undefined) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
};

/** POSTs a GraphQL query as JSON. */
export const postGraphql = (url: string, query: string | undefined) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

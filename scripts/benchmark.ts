/**
 * `npm run bench`: the read benchmark (issue 10). Generates a seeded graph of a chosen size into
 * a separate local Neo4j (its own port and data under .data/neo4j-bench), then measures, side
 * by side and interleaved, the service (over HTTP, its own process) against a plain node:http
 * server running hand-written Cypher that returns the same JSON (checked byte for byte):
 * p50/p99 latency and req/s at 1 and 8 clients, the queries and transactions each operation
 * costs, and the service's RSS. Figures, not assertions.
 *
 *   npm run bench -- --stances 200000 --requests 200 --rounds 3 [--regenerate] [--keep-db]
 */
import 'reflect-metadata';

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { createApp } from '../src/app.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { deleteGraph, generateGraph, graphSize } from '../src/generate/generate-graph.js';
import { defaultLocalNeo4jOptions, PROJECT_ROOT, startLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { mean, percentile, runLoad } from './bench/load.js';
import { type BenchIds, OPERATIONS } from './bench/operations.js';

const PREFIX = 'bench:';
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

function startServer(script: string, env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (async () => {
    for (let i = 0; i < 240; i += 1) {
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
      try {
        if ((await fetch(readyUrl, { method: readyUrl.includes('/health') ? 'GET' : 'POST' })).ok) return child;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${script} did not get ready`);
  })();
}

const rssMb = (pid: number | undefined) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
};

async function main(): Promise<void> {
  loadDotEnv();
  const stances = arg('stances', 200_000);
  const requests = arg('requests', 200);
  const rounds = arg('rounds', 3);
  const local = defaultLocalNeo4jOptions();
  const db = { ...local, port: arg('db-port', local.port + 10), home: resolve(PROJECT_ROOT, '.data/neo4j-bench') };
  const uri = await startLocalNeo4j(db);
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' });
  // Generating a large graph takes longer than a request may.
  const executor = new Executor({ ...config.neo4j, transactionTimeoutMs: 600_000 }, createLogger('warn'));
  const committed = { run: (name: string, params: Record<string, unknown>) => executor.write(name, params) };
  const children: ChildProcess[] = [];
  try {
    await applySchema(executor);
    const [present] = await executor.read('bench/count-generated', { prefix: PREFIX });
    if (Number(present?.['stances']) !== stances || process.argv.includes('--regenerate')) {
      console.log(`Generating ${stances} stances (${JSON.stringify(graphSize(stances))}) ...`);
      await deleteGraph(committed, PREFIX);
      await generateGraph(committed, PREFIX, graphSize(stances), (done) => process.stdout.write(`\r  ${done} stances`));
      console.log('');
    }
    await executor.write('bench/await-indexes');
    const [pair] = await executor.read('bench/find-common-pair', { prefix: PREFIX });
    const ids: BenchIds = { actor: String(pair?.['first']), first: String(pair?.['first']), second: String(pair?.['second']) };

    // Queries and transactions per request, counted in-process on the same database.
    const app = await createApp(config);
    await app.database.prepare();
    const costs: string[] = [];
    for (const operation of OPERATIONS) {
      // Once to warm the plan and page caches (a cold first request is not what is measured).
      await app.apollo.executeOperation({ query: operation.graphql(ids) }, { contextValue: app.createContext() });
      let queries = 0;
      let transactions = 0;
      const stopQ = app.executor.onQuery(() => (queries += 1));
      const stopT = app.executor.onTransaction(() => (transactions += 1));
      await app.apollo.executeOperation({ query: operation.graphql(ids) }, { contextValue: app.createContext() });
      stopQ();
      stopT();
      costs.push(`${queries} q / ${transactions} tx`);
    }
    await app.stop();

    const servicePort = String(arg('port', 8705));
    const rawPort = String(Number(servicePort) + 1);
    const env = {
      NEO4J_URI: uri,
      BENCH_NEO4J_URI: uri,
      NEO4J_PASSWORD: db.password,
      LOG_LEVEL: 'error',
      SEED_ON_EMPTY: 'false',
      // The rate limit would answer most timed requests with a quick 429.
      RATE_LIMIT_ENABLED: 'false',
      BENCH_IDS: JSON.stringify(ids),
    };
    const service = await startServer('src/main.ts', { ...env, PORT: servicePort }, `http://127.0.0.1:${servicePort}/health/ready`);
    children.push(service);
    const raw = await startServer('scripts/bench/raw-server.ts', { ...env, PORT: rawPort }, `http://127.0.0.1:${rawPort}/0`);
    children.push(raw);

    const contenders = {
      service: (i: number) => () =>
        fetch(`http://127.0.0.1:${servicePort}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: OPERATIONS[i]?.graphql(ids) }),
        }),
      raw: (i: number) => () => fetch(`http://127.0.0.1:${rawPort}/${i}`, { method: 'POST' }),
    };
    for (const [i] of OPERATIONS.entries()) {
      await contenders
        .service(i)()
        .then((r) => r.text());
      await contenders
        .raw(i)()
        .then((r) => r.text());
    }
    const identical = await Promise.all(
      OPERATIONS.map(async (_, i) => {
        const [a, b] = await Promise.all([
          contenders
            .service(i)()
            .then((r) => r.text()),
          contenders
            .raw(i)()
            .then((r) => r.text()),
        ]);
        if (a !== b) {
          let at = 0;
          while (at < a.length && a[at] === b[at]) at += 1;
          const around = (text: string) => text.slice(Math.max(0, at - 150), at + 150);
          console.log(`  ${OPERATIONS[i]?.name}: answers differ at character ${at}\n    service …${around(a)}\n    raw     …${around(b)}`);
        }
        return a === b;
      }),
    );

    type Samples = { lat1: number[]; lat8: number[]; rps1: number[]; rps8: number[] };
    const results = new Map<string, Samples>();
    for (let round = 0; round < rounds; round += 1) {
      for (const [i, operation] of OPERATIONS.entries()) {
        const order = round % 2 === 0 ? (['service', 'raw'] as const) : (['raw', 'service'] as const);
        for (const clients of [1, 8]) {
          for (const name of order) {
            const send = contenders[name](i);
            const call = async () => {
              const response = await send();
              await response.arrayBuffer();
              // Only answers count: a refusal (429, 503) would be timed as a fast success.
              if (!response.ok) throw new Error(`${name}, ${operation.name}: HTTP ${response.status} during the timed run`);
            };
            await runLoad(call, clients, 10); // warm-up
            const { latencies, seconds } = await runLoad(call, clients, clients === 1 ? requests : requests * 2);
            const key = `${operation.name}|${name}`;
            const s = results.get(key) ?? { lat1: [], lat8: [], rps1: [], rps8: [] };
            (clients === 1 ? s.lat1 : s.lat8).push(...latencies);
            (clients === 1 ? s.rps1 : s.rps8).push(latencies.length / seconds);
            results.set(key, s);
          }
        }
      }
      process.stdout.write(`\r  round ${round + 1}/${rounds}`);
    }
    console.log('');
    const f = (n: number) => n.toFixed(1);
    console.log(`\n${stances} generated stances; ${rounds} interleaved rounds; ${requests} requests at 1 client, ${requests * 2} at 8, per round`);
    console.log(
      '| operation | same JSON | service q/tx | 1 client p50 / p99 ms (service · raw) | mean ratio | 8 clients req/s (service · raw) | p99 at 8 (service) |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const [i, operation] of OPERATIONS.entries()) {
      const s = results.get(`${operation.name}|service`) as Samples;
      const r = results.get(`${operation.name}|raw`) as Samples;
      console.log(
        `| ${operation.name} | ${identical[i] ? 'yes' : 'NO'} | ${costs[i]} | ${f(percentile(s.lat1, 50))} / ${f(percentile(s.lat1, 99))} · ${f(percentile(r.lat1, 50))} / ${f(percentile(r.lat1, 99))} | ${(mean(s.lat1) / mean(r.lat1)).toFixed(2)}× | ${f(mean(s.rps8))} · ${f(mean(r.rps8))} | ${f(percentile(s.lat8, 99))} |`,
      );
    }
    console.log(`\nRSS after the run: service ${rssMb(service.pid)} MB, raw ${rssMb(raw.pid)} MB`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await executor.close();
    if (!process.argv.includes('--keep-db')) await stopLocalNeo4j({ ...db, log: () => undefined });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

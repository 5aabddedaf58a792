/**
 * `npm run bench`: the read benchmark (issue 10). Generates a seeded graph of a chosen size into
 * a separate local Neo4j (its own port and data under .data/neo4j-bench), then measures, side
 * by side and interleaved, the service (over HTTP, its own process, compiled as `npm start`
 * runs it) against a plain node:http server running hand-written Cypher that returns the same
 * JSON (checked byte for byte) and against @neo4j/graphql serving the same labels (checked for
 * the same number of rows): p50/p95/p99 latency and req/s at 1 and 8 clients, the queries and
 * transactions each operation costs, and the service's RSS. Figures, not assertions.
 *
 *   npm run bench -- --stances 200000 --requests 200 --rounds 3 --warmup 60 [--regenerate] [--keep-db] [--cpu-prof]
 *   npm run bench -- --seed        the same on the seed (seed/*.json), in .data/neo4j-bench-seed
 *
 * Before the timed rounds, all three contenders answer every operation in turn for --warmup
 * seconds: Neo4j's JVM compiles its hot paths over thousands of queries (on the 5,000-stance
 * graph, the actor's lists cost Neo4j 10.8 ms of CPU per request in the first 3,000 requests
 * after a start and 2.7 ms from about the 12,000th on), and timing that would measure
 * whichever contender ran first. req/s is the median of the rounds.
 *
 * --cpu-prof writes the service's CPU profile under load to .data/bench-profile/ (open it in
 * Chrome DevTools or speedscope).
 */
import 'reflect-metadata';

import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

import { createApp } from '../src/app.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { deleteGraph, generateGraph, graphSize } from '../src/generate/generate-graph.repository.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { loadSeed } from '../src/seed/seed-loader.js';
import { mean, median, percentile, runLoad } from './bench/load.js';
import { type BenchIds, OPERATIONS } from './bench/operations.js';
import { createHttpClient } from './bench/http-client.js';
import { buildService, bundleScript, postGraphql, rssMb, startServer, stopServer } from './bench/processes.js';

const PREFIX = 'bench:';
// Position 123's title: a search with one hit among thousands of near-identical titles.
const GENERATED_SEARCH_TEXT = 'generated position 000123';
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

async function main(): Promise<void> {
  loadDotEnv();
  const stances = arg('stances', 200_000);
  const requests = arg('requests', 200);
  const rounds = arg('rounds', 3);
  const warmupSeconds = arg('warmup', 60);
  // --seed measures the project's own seed (the graph the issue's first figures came from)
  // instead of a generated one; in its own data folder, so the generated graph stays.
  const onSeed = process.argv.includes('--seed');
  const local = defaultLocalNeo4jOptions();
  const db = { ...local, port: arg('db-port', local.port + 10), home: resolve(PROJECT_ROOT, onSeed ? '.data/neo4j-bench-seed' : '.data/neo4j-bench') };
  const uri = await startLocalNeo4j(db);
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' });
  // Generating a large graph takes longer than a request may.
  const executor = new Executor({ ...config.neo4j, transactionTimeoutMs: 600_000 }, createLogger('warn'));
  const committed = { run: (name: string, params: Record<string, unknown>) => executor.write(name, params) };
  const children: ChildProcess[] = [];
  try {
    await applySchema(executor);
    let graph: string;
    let ids: BenchIds;
    if (onSeed) {
      const loaded = await loadSeed(executor); // safe to run again: the same seed merges to the same graph
      const [present] = await executor.read('bench/count-generated', { prefix: '' });
      graph = `the seed graph (${loaded.files.join(', ')}: ${Number(present?.['stances'])} stances)`;
      await executor.write('bench/await-indexes');
      const [busiest] = await executor.read('bench/busiest-actor', { prefix: '' });
      const [pair] = await executor.read('bench/find-common-pair', { prefix: '' });
      const [discussed] = await executor.read('bench/most-discussed-position', { prefix: '' });
      if (!busiest || !pair || !discussed)
        throw new Error('The seed has no actor with stances, no two actors agreeing to a position, or no position with stances to search for.');
      ids = { actor: String(busiest['id']), first: String(pair['first']), second: String(pair['second']), searchText: String(discussed['title']) };
    } else {
      const [present] = await executor.read('bench/count-generated', { prefix: PREFIX });
      if (Number(present?.['stances']) !== stances || process.argv.includes('--regenerate')) {
        console.log(`Generating ${stances} stances (${JSON.stringify(graphSize(stances))}) ...`);
        await deleteGraph(committed, PREFIX);
        await generateGraph(committed, PREFIX, graphSize(stances), (done) => process.stdout.write(`\r  ${done} stances`));
        console.log('');
      }
      graph = `${stances} generated stances`;
      await executor.write('bench/await-indexes');
      const [pair] = await executor.read('bench/find-common-pair', { prefix: PREFIX });
      ids = { actor: String(pair?.['first']), first: String(pair?.['first']), second: String(pair?.['second']), searchText: GENERATED_SEARCH_TEXT };
    }
    console.log(`Asking about actor ${ids.actor}, the pair ${ids.first} and ${ids.second}, and searching for ${JSON.stringify(ids.searchText)}.`);

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
    const peerPort = String(Number(servicePort) + 2);
    const env = {
      NEO4J_URI: uri,
      BENCH_NEO4J_URI: uri,
      NEO4J_PASSWORD: db.password,
      LOG_LEVEL: 'error',
      SEED_ON_EMPTY: 'false',
      // The rate limit would answer most timed requests with a quick 429.
      RATE_LIMIT_ENABLED: 'false',
      BENCH_IDS: JSON.stringify(ids),
      // As `npm start` runs the service (scripts/launch.mjs), and the same for the other two:
      // graphql-js outside production mode costs @neo4j/graphql as much as it costs the service.
      NODE_ENV: 'production',
    };
    const serviceUrl = `http://127.0.0.1:${servicePort}/graphql`;
    const peerUrl = `http://127.0.0.1:${peerPort}/`;
    const profile = process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROJECT_ROOT, '.data/bench-profile')}`] : [];
    const service = await startServer(
      buildService(),
      { ...env, PORT: servicePort },
      async () => (await fetch(`http://127.0.0.1:${servicePort}/health/ready`)).ok,
      profile,
    );
    children.push(service);
    const raw = await startServer(
      bundleScript('scripts/bench/raw-server.ts'),
      { ...env, PORT: rawPort },
      async () => (await fetch(`http://127.0.0.1:${rawPort}/0`, { method: 'POST' })).ok,
    );
    children.push(raw);
    const peer = await startServer(
      bundleScript('scripts/bench/neo4j-graphql-server.ts'),
      { ...env, PORT: peerPort },
      async () => (await postGraphql(peerUrl, '{ __typename }')).ok,
    );
    children.push(peer);

    const client = createHttpClient();
    const asQuery = (query: string | undefined) => JSON.stringify({ query });
    const contenders = {
      service: (i: number) => () => client.post(serviceUrl, asQuery(OPERATIONS[i]?.graphql(ids))),
      raw: (i: number) => () => client.post(`http://127.0.0.1:${rawPort}/${i}`),
      '@neo4j/graphql': (i: number) => () => client.post(peerUrl, asQuery(OPERATIONS[i]?.peer(ids))),
    };
    const NAMES = ['service', 'raw', '@neo4j/graphql'] as const;
    for (const [i] of OPERATIONS.entries()) {
      for (const name of NAMES) await contenders[name](i)();
    }
    const checks = await Promise.all(
      OPERATIONS.map(async (operation, i) => {
        const [a = '', b = '', c = ''] = await Promise.all(NAMES.map(async (name) => (await contenders[name](i)()).body));
        if (a !== b) {
          let at = 0;
          while (at < a.length && a[at] === b[at]) at += 1;
          const around = (text: string) => text.slice(Math.max(0, at - 150), at + 150);
          console.log(`  ${operation.name}: answers differ at character ${at}\n    service …${around(a)}\n    raw     …${around(b)}`);
        }
        const answer = (text: string) => JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
        const [mine, theirs] = [answer(a), answer(c)];
        if (theirs.errors) console.log(`  ${operation.name}: @neo4j/graphql answered with errors: ${JSON.stringify(theirs.errors).slice(0, 400)}`);
        const rows = [operation.rows(mine.data ?? {}), operation.rows(theirs.data ?? {})];
        return { identical: a === b, rows: rows[0] === rows[1] ? `yes (${rows[0]})` : `NO (${rows[0]} vs ${rows[1]})` };
      }),
    );

    // Every contender on every operation, in turn, until the JVM and V8 have compiled what they
    // run (see the module comment); not timed.
    process.stdout.write(`Warming up all three contenders on every operation (${warmupSeconds} s)...`);
    const warmUntil = performance.now() + warmupSeconds * 1000;
    while (performance.now() < warmUntil) {
      for (const [i] of OPERATIONS.entries()) for (const name of NAMES) await runLoad(async () => void (await contenders[name](i)()), 8, 80);
    }
    console.log(' done');

    type Samples = { lat1: number[]; lat8: number[]; rps1: number[]; rps8: number[] };
    const results = new Map<string, Samples>();
    // The load generator runs on the same cores as the servers: its own cost is printed too.
    let clientCpuMs = 0;
    let timedRequests = 0;
    for (let round = 0; round < rounds; round += 1) {
      for (const [i, operation] of OPERATIONS.entries()) {
        // Interleaved, and each round in another order, so no contender always goes first.
        const order = NAMES.map((_, k) => NAMES[(k + round) % NAMES.length] as (typeof NAMES)[number]);
        for (const clients of [1, 8]) {
          for (const name of order) {
            const send = contenders[name](i);
            const call = async () => {
              const answer = await send();
              // Only answers count: a refusal (429, 503) would be timed as a fast success.
              if (answer.status !== 200) throw new Error(`${name}, ${operation.name}: HTTP ${answer.status} during the timed run`);
            };
            await runLoad(call, clients, 10); // warm-up
            const cpuBefore = process.cpuUsage();
            const { latencies, seconds } = await runLoad(call, clients, clients === 1 ? requests : requests * 2);
            const cpu = process.cpuUsage(cpuBefore);
            clientCpuMs += (cpu.user + cpu.system) / 1000;
            timedRequests += latencies.length;
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
    const ratio = (n: number) => `${n.toFixed(2)}×`;
    console.log(`\n${graph}; ${rounds} interleaved rounds; ${requests} requests at 1 client, ${requests * 2} at 8, per round`);
    console.log(
      '| operation | same JSON as raw | same rows as @neo4j/graphql | service q/tx | 1 client p50 / p95 / p99 ms (service · raw · @neo4j/graphql) | mean latency service/raw | 8 clients req/s (service · raw · @neo4j/graphql) | req/s at 8 service/@neo4j/graphql | p99 at 8 (service) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const [i, operation] of OPERATIONS.entries()) {
      const [s, r, g] = NAMES.map((name) => results.get(`${operation.name}|${name}`) as Samples) as [Samples, Samples, Samples];
      const latency = (x: Samples) => `${f(percentile(x.lat1, 50))} / ${f(percentile(x.lat1, 95))} / ${f(percentile(x.lat1, 99))}`;
      console.log(
        `| ${operation.name} | ${checks[i]?.identical ? 'yes' : 'NO'} | ${checks[i]?.rows} | ${costs[i]} | ${latency(s)} · ${latency(r)} · ${latency(g)} | ${ratio(mean(s.lat1) / mean(r.lat1))} | ${f(median(s.rps8))} · ${f(median(r.rps8))} · ${f(median(g.rps8))} | ${ratio(median(s.rps8) / median(g.rps8))} | ${f(percentile(s.lat8, 99))} |`,
      );
    }
    // The rest of what each contender did: throughput at 1 client, latency under load.
    console.log('\n| operation | 1 client req/s (service · raw · @neo4j/graphql) | 8 clients p50 / p99 ms (service · raw · @neo4j/graphql) |');
    console.log('|---|---|---|');
    for (const operation of OPERATIONS) {
      const all = NAMES.map((name) => results.get(`${operation.name}|${name}`) as Samples);
      const underLoad = (x: Samples) => `${f(percentile(x.lat8, 50))} / ${f(percentile(x.lat8, 99))}`;
      console.log(`| ${operation.name} | ${all.map((x) => f(median(x.rps1))).join(' · ')} | ${all.map(underLoad).join(' · ')} |`);
    }
    console.log(`\nRSS after the run: service ${rssMb(service.pid)} MB, raw ${rssMb(raw.pid)} MB, @neo4j/graphql ${rssMb(peer.pid)} MB`);
    console.log(`Load generator (this process, same cores): ${(clientCpuMs / timedRequests).toFixed(2)} ms of CPU per timed request`);
    client.close();
  } finally {
    await Promise.all(children.map(stopServer));
    if (process.argv.includes('--cpu-prof')) console.log(`The service's CPU profile is in ${resolve(PROJECT_ROOT, '.data/bench-profile')}/`);
    await executor.close();
    if (!process.argv.includes('--keep-db')) await stopLocalNeo4j({ ...db, log: () => undefined });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

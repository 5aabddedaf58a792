/**
 * `npm run bench`: prints latency figures for representative operations against the
 * configured Neo4j (the local one is started when NEO4J_URI is unset), plus the seed load
 * time and the round trips each operation costs. Figures, not assertions: compare runs.
 *
 *   npm run bench -- --iterations 100
 */
import 'reflect-metadata';

import { createApp } from '../src/app.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { loadSeed } from '../src/seed/seed-loader.js';

const OPERATIONS: Record<string, string> = {
  'stance table (200 rows, nested)': `{ stances(page: { limit: 200 }) { total items { kind date actor { name } position { title topics } meeting { title } evidence { quote source { publisher } } } } }`,
  'who rejected the ceasefire': `{ position(id: "position:unconditional-30-day-ceasefire") { rejectedBy { actor { name } evidence { quote source { publisher } } } } }`,
  '25 actors, all relationships': `{ actors(page: { limit: 50 }) { items { name memberOf { group { name } } attended { role meeting { title } } proposed { position { title } sources { publisher } } rejected { position { title } } agreedTo { position { title } } } } }`,
  'common ground on 2 June': `{ commonGround(actorIds: ["actor:russia", "actor:ukraine"], meetingId: "meeting:istanbul-2025-06-02") { title agreedBy { actor { name } } } }`,
  'disputes Russia/Ukraine': `{ disputes(actorIds: ["actor:russia", "actor:ukraine"]) { position { title } proposed { actor { name } } rejected { actor { name } } } }`,
  'full-text search': `{ search(text: "ceasefire bodies") { score kind } }`,
  'connection Medinsky–Umerov': `{ connection(fromId: "actor:vladimir-medinsky", toId: "actor:rustem-umerov") { length nodes { label } } }`,
  'timeline Russia, prisoners': `{ timeline(actorId: "actor:russia", topic: PRISONERS_AND_REMAINS) { kind date } }`,
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  loadDotEnv();
  const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 50;
  if (!process.env['NEO4J_URI']) process.env['NEO4J_URI'] = await startLocalNeo4j(defaultLocalNeo4jOptions());
  const app = await createApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' }));
  try {
    await applySchema(app.executor);
    let started = performance.now();
    await loadSeed(app.executor);
    console.log(`seed load (validate + one transaction, idempotent): ${(performance.now() - started).toFixed(0)} ms`);

    console.log(`\n${iterations} runs each, after 3 warm-up runs; times in ms (in-process, no HTTP)\n`);
    console.log(['operation'.padEnd(34), 'p50'.padStart(8), 'p95'.padStart(8), 'max'.padStart(8), 'queries'.padStart(8)].join(''));
    for (const [name, query] of Object.entries(OPERATIONS)) {
      const run = async () => {
        const response = await app.apollo.executeOperation({ query }, { contextValue: app.createContext() });
        if (response.body.kind === 'single' && response.body.singleResult.errors)
          throw new Error(`${name}: ${JSON.stringify(response.body.singleResult.errors)}`);
      };
      for (let i = 0; i < 3; i += 1) await run();
      let queries = 0;
      const stop = app.executor.onQuery(() => (queries += 1));
      const times: number[] = [];
      for (let i = 0; i < iterations; i += 1) {
        started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      stop();
      times.sort((a, b) => a - b);
      console.log(
        [
          name.padEnd(34),
          percentile(times, 50).toFixed(1).padStart(8),
          percentile(times, 95).toFixed(1).padStart(8),
          (times.at(-1) ?? 0).toFixed(1).padStart(8),
          String(queries / iterations).padStart(8),
        ].join(''),
      );
    }
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

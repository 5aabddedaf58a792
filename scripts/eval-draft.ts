/**
 * `npm run eval:draft [-- --min-confidence 0.5] [--verbose]`: runs the coding assistant on the
 * seed's five articles and scores it against the curated seed (seed/istanbul-2025.json):
 * precision and recall, per stance kind and overall, of (actor or its group, kind, quote
 * overlapping a curated quote) and of (actor, kind, best position). See src/drafting/evaluate.ts.
 *
 * It uses the configured Neo4j (the local one when NEO4J_URI is unset) and first loads the
 * seed into it (an idempotent MERGE), so the source texts and positions are those of the seed.
 */
import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { ActorGazetteer } from '../src/drafting/actors.js';
import { draftStances } from '../src/drafting/drafting.service.js';
import { evaluate, formatEvaluation, type ScoredCandidate } from '../src/drafting/evaluate.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import type { SeedDataset } from '../src/seed/seed-format.js';
import { loadSeed, readDatasets, seedFiles } from '../src/seed/seed-loader.js';

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'min-confidence': { type: 'string', default: '0' }, verbose: { type: 'boolean', short: 'v', default: false } },
  });
  const minConfidence = Number(values['min-confidence']);
  const { datasets } = readDatasets(seedFiles());
  const seed = datasets[0]?.data as SeedDataset;

  loadDotEnv();
  if (!process.env['NEO4J_URI']) process.env['NEO4J_URI'] = await startLocalNeo4j(defaultLocalNeo4jOptions());
  const executor = new Executor(loadConfig(process.env).neo4j, createLogger('warn'));
  try {
    await applySchema(executor);
    await loadSeed(executor);
    const texts = new Map<string, string>();
    const candidates: ScoredCandidate[] = [];
    const started = Date.now();
    for (const source of seed.sources ?? []) {
      if (!source.text) continue;
      texts.set(source.id, source.text);
      const draft = await draftStances(executor, source.id, { minConfidence, positionsPerCandidate: 1 });
      for (const c of draft.candidates) {
        candidates.push({
          sourceId: source.id,
          kind: c.kind,
          actorId: c.actor.actorId,
          start: c.start,
          end: c.end,
          positionId: c.positions[0]?.positionId ?? null,
        });
        if (values.verbose)
          console.log(
            `${source.id}\t${c.kind}\t${c.actor.actorId ?? c.actor.name}\t${c.confidence}\t${c.positions[0]?.positionId ?? '-'}\t${c.quote.slice(0, 100)}`,
          );
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const gazetteer = new ActorGazetteer(
      (seed.actors ?? []).map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases ?? [] })),
      (seed.memberships ?? []).map((m) => ({ memberId: m.actorId, groupId: m.groupId })),
    );
    const result = evaluate(seed, texts, candidates, (id) => gazetteer.groupsOf(id));
    console.log(`Drafted ${candidates.length} candidates from ${texts.size} seed articles in ${seconds} s (min confidence ${minConfidence}).\n`);
    for (const line of formatEvaluation(result)) console.log(line);
    return 0;
  } finally {
    await executor.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

/**
 * A synthetic, deterministic negotiation graph of a chosen size, for the scale test and
 * `npm run bench`. Sizes grow together (as a real graph would: more actors and positions, not
 * only more stances per actor), in the proportions of the 200k graph: 200 stances per
 * actor, 10 per position.
 */
import type { QueryRunner } from '../db/executor.js';
import { POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';

export interface GraphSize {
  stances: number;
  actors: number;
  positions: number;
  meetings: number;
  sources: number;
}

export function graphSize(stances: number): GraphSize {
  return {
    stances,
    actors: Math.max(10, Math.round(stances / 200)),
    positions: Math.max(10, Math.round(stances / 10)),
    meetings: Math.max(5, Math.round(stances / 1000)),
    sources: 20,
  };
}

const CHUNK = 20_000;

/** Creates the graph under `prefix` (ids like `<prefix>actor:12`); `progress` hears each chunk. */
export async function generateGraph(runner: QueryRunner, prefix: string, size: GraphSize, progress?: (done: number) => void): Promise<void> {
  await runner.run('generate/create-nodes', { prefix, ...size, typeLabels: POSITION_TYPE_LABELS });
  for (let from = 0; from < size.stances; from += CHUNK) {
    const to = Math.min(size.stances, from + CHUNK);
    await runner.run('generate/create-stances', { prefix, ...size, from, to });
    progress?.(to);
  }
}

/** One audit entry per generated stance (the scale test's audit log; never committed there). */
export async function generateAuditLog(runner: QueryRunner, prefix: string, size: GraphSize): Promise<void> {
  for (let from = 0; from < size.stances; from += CHUNK) {
    await runner.run('generate/create-audit-entries', { prefix, stances: size.stances, from, to: Math.min(size.stances, from + CHUNK) });
  }
}

/**
 * Deletes a generated graph by its prefix: its edges in batches, then its nodes. The batches
 * bound each transaction's memory (each is its own transaction when `runner` commits each
 * query, as the benchmark's does).
 */
export async function deleteGraph(runner: QueryRunner, prefix: string, batches = { edges: 10_000, nodes: 2_000 }): Promise<void> {
  for (const [query, batch] of [
    ['generate/delete-generated-edges', batches.edges],
    ['generate/delete-generated', batches.nodes],
  ] as const) {
    for (;;) {
      const [row] = await runner.run(query, { prefix, batch });
      if (!row || Number(row['deleted']) === 0) break;
    }
  }
}

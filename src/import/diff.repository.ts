/**
 * The comparison of a batch's rows with what the graph holds (cypher/import/diff-*.cypher):
 * per row, whether it exists and which stored fields would change.
 */
import type { QueryRunner, Row } from '../db/executor.js';
import type { Diff, SectionName } from './import.plan.js';

const DIFF_QUERIES: Record<Diff['query'], string> = {
  nodes: 'import/diff-nodes',
  stances: 'import/diff-stances',
  links: 'import/diff-links',
};

export function diffWithGraph(run: QueryRunner, diff: Diff, params: Record<string, unknown>): Promise<Row[]> {
  return run.run(DIFF_QUERIES[diff.query], params);
}

/**
 * Whether the graph holds no node (or stance) of a section's kind, from the count store in
 * constant time (import/count-kinds); always false for links, which are few and always compared.
 */
export async function graphHoldsNone(run: QueryRunner, diff: Diff, section: SectionName): Promise<boolean> {
  if (diff.query === 'links') return false;
  const [counts] = await run.run('import/count-kinds', {});
  return Number(counts?.[section] ?? 1) === 0;
}

/**
 * The comparison of a batch's rows with what the graph holds (cypher/import/diff-*.cypher):
 * per row, whether it exists and which stored fields would change.
 */
import type { QueryRunner, Row } from '../db/executor.js';
import type { Diff } from './import.plan.js';

const DIFF_QUERIES: Record<Diff['query'], string> = {
  nodes: 'import/diff-nodes',
  stances: 'import/diff-stances',
  links: 'import/diff-links',
};

export function diffWithGraph(run: QueryRunner, diff: Diff, params: Record<string, unknown>): Promise<Row[]> {
  return run.run(DIFF_QUERIES[diff.query], params);
}

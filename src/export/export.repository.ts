/** The export queries: the rows each export streams, and the size of the graph. */
import type { Executor, Params, Row } from '../db/executor.js';

/** Which rows an export streams. */
export type ExportRows = 'stances' | 'graph' | 'plover';

const QUERIES: Record<ExportRows, string> = {
  stances: 'export/stream-stance-rows',
  graph: 'export/stream-graph',
  plover: 'export/stream-plover-events',
};

export class ExportRepository {
  constructor(private readonly executor: Pick<Executor, 'read' | 'stream'>) {}

  /** Hands each row to `onRow` as Neo4j produces it (see Executor.stream); resolves to the count. */
  stream(rows: ExportRows, params: Params, onRow: (row: Row) => void | Promise<void>): Promise<number> {
    return this.executor.stream(QUERIES[rows], params, onRow);
  }

  /** How many nodes and edges the graph export will have. */
  async graphSize(): Promise<{ nodes: number; edges: number }> {
    const [counts] = await this.executor.read('export/count-graph');
    return { nodes: Number(counts?.['nodes'] ?? 0), edges: Number(counts?.['edges'] ?? 0) };
  }
}

import type { Reader } from '../db/request-reader.js';
import { ConnectionEdgeKind, SUBSTANTIVE_KINDS, typesOf } from './connection.js';
import { toPath } from './connection.mapping.js';

/** What a client asked of the paths: the query reads nothing else. */
export interface AskedOfPaths {
  edges: boolean;
  /** The edges' sources and quotes. */
  evidence: boolean;
  nodeIds: boolean;
  nodeKinds: boolean;
}

const EVERYTHING: AskedOfPaths = { edges: true, evidence: true, nodeIds: true, nodeKinds: true };

/**
 * Shortest paths over the kinds in `via`; without `via`, over substantive edges first and,
 * only when there are none, over every kind of edge. What `asked` leaves out comes empty, for a
 * client that did not ask for it: without `edges` no edges (the length still counts them),
 * without `evidence` edges without their sources and quotes, without `nodeIds` or `nodeKinds`
 * nodes with an empty id or kind (their labels always come).
 */
export async function findConnection(
  executor: Reader,
  fromId: string,
  toId: string,
  limit: number,
  via: readonly ConnectionEdgeKind[] | null,
  asked: AskedOfPaths = EVERYTHING,
) {
  const run = async (kinds: readonly ConnectionEdgeKind[]) =>
    (
      await executor.read('analysis/explained-connection', {
        fromId,
        toId,
        limit,
        types: typesOf(kinds),
        withEdges: asked.edges,
        withEvidence: asked.evidence,
        withNodeIds: asked.nodeIds,
        withNodeKinds: asked.nodeKinds,
      })
    ).map(toPath);
  if (via && via.length > 0) return run(via);
  const substantive = await run(SUBSTANTIVE_KINDS);
  return substantive.length > 0 ? substantive : run(Object.values(ConnectionEdgeKind));
}

import type { Reader } from '../db/request-reader.js';
import { ConnectionEdgeKind, SUBSTANTIVE_KINDS, typesOf } from './connection.js';
import { toPath } from './connection.mapping.js';

/**
 * Shortest paths over the kinds in `via`; without `via`, over substantive edges first and,
 * only when there are none, over every kind of edge. What `asked` leaves out comes empty, for a
 * client that did not ask for it: without `edges` no edges (the length still counts them),
 * without `evidence` edges without their sources and quotes.
 */
export async function findConnection(
  executor: Reader,
  fromId: string,
  toId: string,
  limit: number,
  via: readonly ConnectionEdgeKind[] | null,
  asked: { edges: boolean; evidence: boolean } = { edges: true, evidence: true },
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
      })
    ).map(toPath);
  if (via && via.length > 0) return run(via);
  const substantive = await run(SUBSTANTIVE_KINDS);
  return substantive.length > 0 ? substantive : run(Object.values(ConnectionEdgeKind));
}

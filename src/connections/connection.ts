/**
 * `connection` that explains itself: paths prefer substantive edges (what actors said and did
 * to each other: stances, their targets, involvement in positions, attendance of the same
 * meeting) over chains of memberships and documents; each edge says what kind it is and
 * carries its sources. `via` restricts the kinds a path may use.
 */
import { registerEnumType } from 'type-graphql';

import type { Reader } from '../db/request-reader.js';
import { toEvidence } from '../sources/source.type.js';

export enum ConnectionEdgeKind {
  STANCE = 'STANCE',
  TARGET = 'TARGET',
  INVOLVEMENT = 'INVOLVEMENT',
  ATTENDANCE = 'ATTENDANCE',
  MEMBERSHIP = 'MEMBERSHIP',
  AUTHORSHIP = 'AUTHORSHIP',
  CONTENT = 'CONTENT',
  SEQUENCE = 'SEQUENCE',
  DISAGREEMENT = 'DISAGREEMENT',
}

registerEnumType(ConnectionEdgeKind, {
  name: 'ConnectionEdgeKind',
  description:
    'What an edge of a path is: STANCE (proposed, rejected, agreed to, considering), TARGET (a stance addressed to an actor), INVOLVEMENT (a position involves an actor), ATTENDANCE, MEMBERSHIP, AUTHORSHIP, CONTENT (a document contains a position), SEQUENCE (one meeting follows another), DISAGREEMENT (a disagreement concerns a node).',
});

/** The relationship types of each edge kind. */
export const TYPES_OF_KIND: Record<ConnectionEdgeKind, readonly string[]> = {
  [ConnectionEdgeKind.STANCE]: ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'],
  [ConnectionEdgeKind.TARGET]: ['TARGETS'],
  [ConnectionEdgeKind.INVOLVEMENT]: ['INVOLVES'],
  [ConnectionEdgeKind.ATTENDANCE]: ['ATTENDED'],
  [ConnectionEdgeKind.MEMBERSHIP]: ['MEMBER_OF'],
  [ConnectionEdgeKind.AUTHORSHIP]: ['AUTHORED'],
  [ConnectionEdgeKind.CONTENT]: ['CONTAINS'],
  [ConnectionEdgeKind.SEQUENCE]: ['FOLLOWS'],
  [ConnectionEdgeKind.DISAGREEMENT]: ['CONCERNS'],
};

/** What actors said and did to each other; tried before memberships and documents. */
export const SUBSTANTIVE_KINDS = [ConnectionEdgeKind.STANCE, ConnectionEdgeKind.TARGET, ConnectionEdgeKind.INVOLVEMENT, ConnectionEdgeKind.ATTENDANCE];

export function kindOfType(type: string): ConnectionEdgeKind | null {
  for (const kind of Object.values(ConnectionEdgeKind)) if (TYPES_OF_KIND[kind].includes(type)) return kind;
  return null;
}

export const typesOf = (kinds: readonly ConnectionEdgeKind[]) => [...new Set(kinds.flatMap((kind) => TYPES_OF_KIND[kind]))];

/** Derives the GraphQL kind of a path node from its labels (Position nodes carry a subtype). */
export function pathNodeKind(labels: string[]): string {
  for (const label of ['Demand', 'Proposal', 'Concession', 'Actor', 'Meeting', 'Document', 'Disagreement', 'Source']) {
    if (labels.includes(label)) return label;
  }
  return labels[0] ?? 'Node';
}

interface RawEdge {
  type: string;
  id: string | null;
  fromId: string;
  toId: string;
  role: string | null;
  stanceKind: string | null;
  sourceIds: unknown;
  evidence: unknown;
}

export function toPath(row: Record<string, unknown>) {
  const edges = (row['edges'] as RawEdge[]).map((edge) => ({
    type: edge.type,
    kind: kindOfType(edge.type),
    id: edge.id ?? null,
    fromId: edge.fromId,
    toId: edge.toId,
    role: edge.role ?? edge.stanceKind ?? null,
    evidence: toEvidence(edge.sourceIds, edge.evidence),
  }));
  const nodes = (row['nodes'] as Array<{ id: string; labels: string[]; label: string }>).map((node) => ({
    id: node.id,
    kind: pathNodeKind(node.labels),
    label: node.label,
  }));
  return { length: edges.length, nodes, edges };
}

/**
 * Shortest paths over the kinds in `via`; without `via`, over substantive edges first and,
 * only when there are none, over every kind of edge.
 */
export async function findConnection(executor: Reader, fromId: string, toId: string, limit: number, via: readonly ConnectionEdgeKind[] | null) {
  const run = async (kinds: readonly ConnectionEdgeKind[]) =>
    (await executor.read('analysis/explained-connection', { fromId, toId, limit, types: typesOf(kinds) })).map(toPath);
  if (via && via.length > 0) return run(via);
  const substantive = await run(SUBSTANTIVE_KINDS);
  return substantive.length > 0 ? substantive : run(Object.values(ConnectionEdgeKind));
}

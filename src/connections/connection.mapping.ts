/** Rows of the explained-connection query to the paths `connection` returns. Pure functions. */
import { NODE_LABELS, POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';
import { toEvidence } from '../sources/source.type.js';
import { kindOfType } from './connection.js';

/** Derives the GraphQL kind of a path node from its labels (Position nodes carry a subtype). */
export function pathNodeKind(labels: string[]): string {
  const subtype = Object.values(POSITION_TYPE_LABELS).find((label) => labels.includes(label));
  return subtype ?? NODE_LABELS.find((label) => labels.includes(label)) ?? labels[0] ?? 'Node';
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
  // [label, id, labels]: id and labels null when not asked (and then not answered).
  const nodes = (row['nodes'] as Array<[string, string | null, string[] | null]>).map(([label, id, labels]) => ({
    id: id ?? '',
    kind: labels ? pathNodeKind(labels) : '',
    label,
  }));
  return { length: Number(row['length']), nodes, edges };
}

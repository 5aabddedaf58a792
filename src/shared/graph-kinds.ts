/**
 * The kinds of item in the graph, in one table: the prefix of their ids ("actor:russia") and
 * their label (the Neo4j label, the GraphQL type and the `kind` of search hits, exports and
 * paths). A stance is stored as a relationship (PROPOSED, REJECTED…), every other kind as a
 * node with its label; positions also carry the label of their type (POSITION_TYPE_LABELS).
 */
import { PositionType } from './enums.js';

export const GRAPH_KINDS = {
  actor: { label: 'Actor', storedAs: 'node' },
  meeting: { label: 'Meeting', storedAs: 'node' },
  position: { label: 'Position', storedAs: 'node' },
  document: { label: 'Document', storedAs: 'node' },
  source: { label: 'Source', storedAs: 'node' },
  disagreement: { label: 'Disagreement', storedAs: 'node' },
  stance: { label: 'Stance', storedAs: 'relationship' },
} as const;

/** An id's kind: the part of the id before the colon. */
export type IdKind = keyof typeof GRAPH_KINDS;
/** A kind's label: "Actor", …, "Stance". */
export type KindLabel = (typeof GRAPH_KINDS)[IdKind]['label'];
/** The labels of the kinds stored as nodes (all but Stance). */
export type NodeLabel = Exclude<KindLabel, 'Stance'>;

export const ID_KINDS = Object.keys(GRAPH_KINDS) as IdKind[];
export const NODE_LABELS = ID_KINDS.flatMap((kind) => (GRAPH_KINDS[kind].storedAs === 'node' ? [GRAPH_KINDS[kind].label as NodeLabel] : []));

/** The kind an id names by its prefix ("actor:russia" → "actor"); undefined for none. */
export function kindOfId(id: string): IdKind | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return Object.hasOwn(GRAPH_KINDS, prefix) ? (prefix as IdKind) : undefined;
}

const KIND_LABELS = new Set<string>(ID_KINDS.map((kind) => GRAPH_KINDS[kind].label));
export const isKindLabel = (label: string): label is KindLabel => KIND_LABELS.has(label);

export const labelOfKind = <K extends IdKind>(kind: K): (typeof GRAPH_KINDS)[K]['label'] => GRAPH_KINDS[kind].label;

/** The label of a position's type: its GraphQL type and its second Neo4j label. */
export type PositionTypeLabel = 'Demand' | 'Proposal' | 'Concession';

/**
 * A position's type as its GraphQL type and its second Neo4j label: the one mapping. Keyed by
 * the type's value, so the enum and the seed format's `'DEMAND' | …` both index it; the Cypher
 * that sets the label takes this map as its `$typeLabels` parameter.
 */
export const POSITION_TYPE_LABELS: Readonly<Record<`${PositionType}`, PositionTypeLabel>> = {
  [PositionType.DEMAND]: 'Demand',
  [PositionType.PROPOSAL]: 'Proposal',
  [PositionType.CONCESSION]: 'Concession',
};

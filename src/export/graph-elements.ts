/**
 * The whole graph as plain nodes and edges, for the GraphML and node-link exports. Both
 * formats share one fixed set of attributes: GraphML must declare its keys before the first
 * node, and a streamed export cannot look ahead, so the attributes are chosen here rather than
 * copied from whatever properties a node happens to have (internal ones such as `searchKey`
 * stay out). Pure functions; unit tested.
 */
import type { Row } from '../db/executor.js';

export type AttributeType = 'string' | 'int' | 'list';
export type AttributeValue = string | number | string[];

export interface AttributeSpec {
  name: string;
  type: AttributeType;
}

/** The labels a node of the knowledge graph has (Position nodes also carry Demand, Proposal or Concession). */
export const NODE_KINDS = ['Actor', 'Meeting', 'Position', 'Document', 'Source', 'Disagreement'] as const;
export type NodeKindLabel = (typeof NODE_KINDS)[number];

export interface ExportNode {
  id: string;
  kind: NodeKindLabel;
  label: string;
  /** Only attributes with a value; each named in NODE_ATTRIBUTES. */
  attributes: Record<string, AttributeValue>;
}

export interface ExportEdge {
  /** The stance id for stance edges; `TYPE:from->to` for structural edges, which are unique per pair. */
  id: string;
  type: string;
  source: string;
  target: string;
  /** Only attributes with a value; each named in EDGE_ATTRIBUTES. */
  attributes: Record<string, AttributeValue>;
}

/** Node attributes besides `kind` and `label`, which every node has. */
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'actorKind', type: 'string' },
  { name: 'aliases', type: 'list' },
  { name: 'description', type: 'string' },
  { name: 'wikidataId', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'round', type: 'int' },
  { name: 'status', type: 'string' },
  { name: 'venue', type: 'string' },
  { name: 'city', type: 'string' },
  { name: 'durationMinutes', type: 'int' },
  { name: 'positionType', type: 'string' },
  { name: 'topics', type: 'list' },
  { name: 'summary', type: 'string' },
  { name: 'documentKind', type: 'string' },
  { name: 'pages', type: 'int' },
  { name: 'parts', type: 'int' },
  { name: 'publisher', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'publishedAt', type: 'string' },
  { name: 'language', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'sourceIds', type: 'list' },
];

/** Edge attributes besides `type`, which every edge has. `evidence[i]` quotes `sourceIds[i]`. */
export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'sourceIds', type: 'list' },
  { name: 'evidence', type: 'list' },
  { name: 'role', type: 'string' },
  { name: 'meetingId', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'ploverEvent', type: 'string' },
  { name: 'ploverMode', type: 'string' },
  { name: 'ploverContext', type: 'list' },
  { name: 'cameo', type: 'string' },
  // TARGETS edges: the stance they belong to and its position.
  { name: 'stanceId', type: 'string' },
  { name: 'positionId', type: 'string' },
];

type Props = Record<string, unknown>;

function valueOf(spec: AttributeSpec, value: unknown): AttributeValue | undefined {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' && value !== '' ? value : undefined;
    case 'int':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'list':
      return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
    default: {
      const unreachable: never = spec.type;
      return unreachable;
    }
  }
}

/** Picks the attributes in `specs` from `values`, dropping empty ones. */
function pick(specs: readonly AttributeSpec[], values: Props): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const spec of specs) {
    const value = valueOf(spec, values[spec.name]);
    if (value !== undefined) attributes[spec.name] = value;
  }
  return attributes;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A node row of `export/stream-graph` ({ kind, id, props }) as an export node. */
export function toExportNode(row: Row): ExportNode {
  const kind = row['kind'] as NodeKindLabel;
  const p = (row['props'] ?? {}) as Props;
  const id = String(row['id']);
  // Each kind names its properties its own way; this maps them onto the shared attributes.
  let label: string | undefined;
  let values: Props;
  switch (kind) {
    case 'Actor':
      label = text(p['name']);
      values = { ...p, actorKind: p['kind'] };
      break;
    case 'Meeting':
      label = text(p['title']);
      values = p;
      break;
    case 'Position':
      label = text(p['title']);
      values = { ...p, positionType: p['type'] };
      break;
    case 'Document':
      label = text(p['title']);
      values = { ...p, documentKind: p['kind'] };
      break;
    case 'Source':
      label = text(p['publisher']) ?? text(p['title']);
      // A source is the provenance of everything else; it has none of its own.
      values = { ...p, sourceIds: null };
      break;
    case 'Disagreement':
      label = text(p['summary']);
      values = { ...p, sourceIds: p['versionSourceIds'] };
      break;
    default: {
      const unreachable: never = kind;
      throw new Error(`unexpected node kind ${String(unreachable)}`);
    }
  }
  return { id, kind, label: label ?? id, attributes: pick(NODE_ATTRIBUTES, values) };
}

/** An edge row of `export/stream-graph` ({ type, fromId, toId, props }) as an export edge. */
export function toExportEdge(row: Row): ExportEdge {
  const type = String(row['type']);
  const source = String(row['fromId']);
  const target = String(row['toId']);
  const p = (row['props'] ?? {}) as Props;
  // Structural edges have no id; an actor may attend one meeting in two roles (host and
  // mediator), so the role is part of the made-up one.
  const role = text(p['role']);
  // A TARGETS edge belongs to one stance: several stances may address the same actor.
  const stanceId = type === 'TARGETS' ? text(p['stanceId']) : null;
  const id = text(p['id']) ?? (stanceId ? `TARGETS:${stanceId}->${target}` : `${type}:${source}->${target}${role ? `:${role}` : ''}`);
  return { id, type, source, target, attributes: pick(EDGE_ATTRIBUTES, p) };
}

/**
 * Makes edge ids unique within an export, which networkx needs: it keys parallel edges by id,
 * and two edges with one id would collapse into one. The export query sorts edges by type and
 * endpoints, so any repeat of an id follows its first use directly, and remembering the
 * previous id is enough (memory stays flat); a repeat gets "#2", "#3", ...
 */
export function createEdgeIdDeduplicator(): (edge: ExportEdge) => ExportEdge {
  let previous: string | undefined;
  let repeats = 0;
  return (edge) => {
    if (edge.id !== previous) {
      previous = edge.id;
      repeats = 0;
      return edge;
    }
    repeats += 1;
    return { ...edge, id: `${edge.id}#${repeats + 1}` };
  };
}

/**
 * networkx's node-link JSON (`networkx.node_link_graph(data)`, networkx >= 3.4), written piece
 * by piece so the export can stream: every node, then every edge, one per line. The graph is
 * a directed multigraph because an actor can hold several stances on one position; each edge's
 * `key` is its id. Lists stay JSON arrays. Pure, apart from the small state that knows whether
 * a comma or the "edges" member comes next; unit tested.
 */
import type { ExportEdge, ExportNode } from './graph-elements.js';

export interface NodeLinkWriter {
  begin(): string;
  node(node: ExportNode): string;
  edge(edge: ExportEdge): string;
  end(): string;
}

/** Node-link writer; nodes must all come before the first edge (the export query sorts them so). */
export function createNodeLinkWriter(): NodeLinkWriter {
  let section: 'nodes' | 'edges' = 'nodes';
  let first = true;
  const separator = () => {
    const out = first ? '\n' : ',\n';
    first = false;
    return out;
  };
  const toEdges = () => {
    if (section === 'edges') return '';
    section = 'edges';
    first = true;
    return '\n],\n"edges": [';
  };
  return {
    begin: () => '{"directed": true, "multigraph": true, "graph": {"name": "negotiation-graph"},\n"nodes": [',
    node(node) {
      if (section === 'edges') throw new Error('node-link: a node after the first edge');
      return separator() + JSON.stringify({ id: node.id, kind: node.kind, label: node.label, ...node.attributes });
    },
    edge(edge) {
      const opening = toEdges();
      return opening + separator() + JSON.stringify({ source: edge.source, target: edge.target, key: edge.id, type: edge.type, ...edge.attributes });
    },
    end: () => `${toEdges()}\n]}\n`,
  };
}

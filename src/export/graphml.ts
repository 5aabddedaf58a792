/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape, yEd and networkx's
 * `read_graphml`, written piece by piece so the export can stream: a header declaring every
 * attribute key, then one element per node or edge, then the footer. GraphML attributes are
 * scalars, so lists are joined: ids, topics and codes with "|", evidence quotes (which may
 * contain "|") with newlines. Pure functions; unit tested.
 */
import { type AttributeSpec, type AttributeValue, EDGE_ATTRIBUTES, type ExportEdge, type ExportNode, NODE_ATTRIBUTES } from './graph-elements.js';

export const GRAPHML_LIST_SEPARATOR = '|';
/** Quotes are sentences, and may contain "|". */
const QUOTE_SEPARATOR = '\n';

const NODE_KEYS: readonly AttributeSpec[] = [{ name: 'kind', type: 'string' }, { name: 'label', type: 'string' }, ...NODE_ATTRIBUTES];
const EDGE_KEYS: readonly AttributeSpec[] = [{ name: 'type', type: 'string' }, ...EDGE_ATTRIBUTES];

// Key ids are prefixed because nodes and edges share attribute names (date, status, sourceIds).
const nodeKey = (name: string) => `n_${name}`;
const edgeKey = (name: string) => `e_${name}`;

// Everything XML 1.0 allows: tab, newline, carriage return and the printable ranges.
// eslint-disable-next-line no-control-regex -- naming the allowed control characters is the point
const NOT_XML_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Text safe inside XML content and double-quoted attributes. Characters XML 1.0 cannot carry
 * at all (most control characters, lone surrogates) are dropped rather than escaped.
 */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function keyElement(id: string, domain: 'node' | 'edge', spec: AttributeSpec): string {
  // networkx reads attr.type "int" back as int; lists travel as joined strings.
  const type = spec.type === 'int' ? 'int' : 'string';
  return `  <key id="${id}" for="${domain}" attr.name="${spec.name}" attr.type="${type}"/>\n`;
}

function dataElements(attributes: Record<string, AttributeValue>, keyOf: (name: string) => string): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    const separator = name === 'evidence' ? QUOTE_SEPARATOR : GRAPHML_LIST_SEPARATOR;
    const textValue = Array.isArray(value) ? value.join(separator) : String(value);
    out += `<data key="${keyOf(name)}">${escapeXml(textValue)}</data>`;
  }
  return out;
}

export function graphmlHeader(): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out +=
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const spec of NODE_KEYS) out += keyElement(nodeKey(spec.name), 'node', spec);
  for (const spec of EDGE_KEYS) out += keyElement(edgeKey(spec.name), 'edge', spec);
  out += '  <graph id="negotiation-graph" edgedefault="directed">\n';
  return out;
}

export function graphmlNode(node: ExportNode): string {
  const data = dataElements({ kind: node.kind, label: node.label, ...node.attributes }, nodeKey);
  return `    <node id="${escapeXml(node.id)}">${data}</node>\n`;
}

export function graphmlEdge(edge: ExportEdge): string {
  const data = dataElements({ type: edge.type, ...edge.attributes }, edgeKey);
  return `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data}</edge>\n`;
}

export function graphmlFooter(): string {
  return '  </graph>\n</graphml>\n';
}

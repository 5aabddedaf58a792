/**
 * The graph view: actors, positions and meetings as nodes, stances as edges coloured by kind,
 * whom a stance is addressed to (dash-dot, in the stance's colour) and whom a position
 * involves (purple, ending in a dot), attendance and membership as quiet context. Filters by meeting, topic and edge kind; a
 * click on a node or an edge opens its details and its sources, with their quotes.
 * It reads the public GraphQL API, like any other client.
 */
import './explore.css';

import cytoscape, { type Core, type ElementDefinition, type EventObject, type StylesheetJson } from 'cytoscape';

import { renderEdgeDetails, renderNodeDetails } from './details';
import {
  applyFilter,
  buildGraphModel,
  type GraphData,
  type GraphFilter,
  type GraphModel,
  NO_FILTER,
  STANCE_KINDS,
  STANCE_LABELS,
  type StanceKind,
  topicsIn,
} from './graph-model';
import { loadGraphData } from './load-graph';

/** Stance colours: the legend, the edges and the badges use these. */
export const STANCE_COLOURS: Record<StanceKind, string> = {
  PROPOSED: '#2563eb',
  REJECTED: '#dc2626',
  AGREED_TO: '#16a34a',
  CONSIDERING: '#d97706',
};
const STRUCTURE_COLOUR = '#94a3b8';
/** Involvement edges (position -> actor) get their own colour, apart from stances and structure. */
const INVOLVEMENT_COLOUR = '#db2777';
const POSITION_BORDERS: Record<string, string> = { DEMAND: '#9333ea', PROPOSAL: '#0891b2', CONCESSION: '#ca8a04' };

/** What the browser test (and a curious developer) can read from the console. */
interface ExploreProbe {
  cy: Core | null;
  state: 'loading' | 'ready' | 'error';
  nodes: number;
  edges: number;
  selected: string | null;
}
declare global {
  interface Window {
    __explore?: ExploreProbe;
  }
}
const probe: ExploreProbe = { cy: null, state: 'loading', nodes: 0, edges: 0, selected: null };
window.__explore = probe;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      color: '#0f172a',
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[kind = "actor"]', style: { shape: 'ellipse', 'background-color': '#334155', width: 26, height: 26, 'font-weight': 'bold' } },
  { selector: 'node[kind = "actor"][subtype = "STATE"]', style: { width: 44, height: 44, 'font-size': 13, 'background-color': '#1e293b' } },
  { selector: 'node[kind = "actor"][subtype = "DELEGATION"]', style: { width: 34, height: 34, 'background-color': '#475569' } },
  { selector: 'node[kind = "actor"][subtype = "ORGANIZATION"]', style: { shape: 'octagon', 'background-color': '#0f766e' } },
  {
    selector: 'node[kind = "position"]',
    style: { shape: 'round-rectangle', width: 22, height: 16, 'background-color': '#f8fafc', 'border-width': 3, 'font-weight': 'normal', color: '#334155' },
  },
  ...Object.entries(POSITION_BORDERS).map(([type, colour]) => ({
    selector: `node[kind = "position"][subtype = "${type}"]`,
    style: { 'border-color': colour },
  })),
  {
    selector: 'node[kind = "meeting"]',
    style: { shape: 'diamond', width: 38, height: 38, 'background-color': '#f59e0b', 'border-color': '#78350f', 'font-weight': 'bold' },
  },
  { selector: 'node[kind = "meeting"][subtype != "HELD"]', style: { 'background-color': '#fde68a', 'border-style': 'dashed' } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'line-color': STRUCTURE_COLOUR,
      'target-arrow-color': STRUCTURE_COLOUR,
      opacity: 0.9,
    },
  },
  ...STANCE_KINDS.map((kind) => ({
    selector: `edge[subtype = "${kind}"]`,
    style: { 'line-color': STANCE_COLOURS[kind], 'target-arrow-color': STANCE_COLOURS[kind], width: 2.5 },
  })),
  {
    selector: 'edge[kind = "target"]',
    style: { 'line-style': 'dashed', 'line-dash-pattern': [10, 4, 2, 4], width: 2, 'target-arrow-shape': 'vee', 'curve-style': 'unbundled-bezier' },
  },
  {
    selector: 'edge[kind = "involvement"]',
    style: { 'line-color': INVOLVEMENT_COLOUR, 'target-arrow-color': INVOLVEMENT_COLOUR, width: 1.5, 'target-arrow-shape': 'circle', opacity: 0.8 },
  },
  { selector: 'edge[kind = "attendance"]', style: { 'line-style': 'dashed', width: 1.2, 'target-arrow-shape': 'none', opacity: 0.7 } },
  { selector: 'edge[kind = "membership"]', style: { 'line-style': 'dotted', width: 1.5, 'target-arrow-shape': 'tee', opacity: 0.7 } },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: ':selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
  {
    selector: 'edge:selected',
    style: { width: 5, label: 'data(label)', 'font-size': 10, 'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-rotation': 'autorotate' },
  },
];

function renderLegend(container: HTMLElement, filter: GraphFilter, onChange: (next: GraphFilter) => void): void {
  const group = (heading: string) => {
    const element = document.createElement('div');
    element.className = 'legend-group';
    const title = document.createElement('h3');
    title.textContent = heading;
    element.append(title);
    return element;
  };
  const swatchOf = (swatchClass: string, colour: string) => {
    const swatch = document.createElement('span');
    swatch.className = `swatch ${swatchClass}`;
    swatch.style.setProperty('--swatch', colour);
    return swatch;
  };

  // Edge kinds double as toggles.
  const edges = group('Edges');
  const toggle = (key: string, text: string, swatchClass: string, colour: string, checked: boolean, change: (checked: boolean) => GraphFilter) => {
    const label = document.createElement('label');
    label.className = 'legend-row';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.dataset['legend'] = key;
    box.addEventListener('change', () => onChange(change(box.checked)));
    label.append(box, swatchOf(swatchClass, colour), document.createTextNode(text));
    edges.append(label);
  };
  for (const kind of STANCE_KINDS) {
    toggle(kind, STANCE_LABELS[kind], 'swatch-line', STANCE_COLOURS[kind], filter.kinds.has(kind), (checked) => {
      const kinds = new Set(filter.kinds);
      if (checked) kinds.add(kind);
      else kinds.delete(kind);
      return { ...filter, kinds };
    });
  }
  toggle('targets', 'addressed to', 'swatch-dashdot', STRUCTURE_COLOUR, filter.targets, (checked) => ({ ...filter, targets: checked }));
  toggle('involvement', 'involves', 'swatch-line', INVOLVEMENT_COLOUR, filter.involvement, (checked) => ({ ...filter, involvement: checked }));
  toggle('attendance', 'attended', 'swatch-dashed', STRUCTURE_COLOUR, filter.attendance, (checked) => ({ ...filter, attendance: checked }));
  toggle('membership', 'member of', 'swatch-dotted', STRUCTURE_COLOUR, filter.membership, (checked) => ({ ...filter, membership: checked }));

  const nodes = group('Nodes');
  const nodeKey = (swatchClass: string, text: string, colour: string) => {
    const row = document.createElement('span');
    row.className = 'legend-row';
    row.append(swatchOf(swatchClass, colour), document.createTextNode(text));
    nodes.append(row);
  };
  nodeKey('swatch-circle', 'actor (state, delegation, person)', '#334155');
  nodeKey('swatch-octagon', 'organisation', '#0f766e');
  nodeKey('swatch-diamond', 'meeting', '#f59e0b');
  for (const [type, colour] of Object.entries(POSITION_BORDERS)) nodeKey('swatch-box', type.toLowerCase(), colour);

  container.replaceChildren(edges, nodes);
}

function fillSelect(select: HTMLSelectElement, options: Array<[string, string]>): void {
  for (const [value, text] of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
}

function readFilterFromUrl(data: GraphData): GraphFilter {
  const params = new URLSearchParams(location.search);
  const meetingId = params.get('meeting');
  const topic = params.get('topic');
  return {
    ...NO_FILTER,
    meetingId: meetingId && data.meetings.some((m) => m.id === meetingId) ? meetingId : null,
    topic: topic && topicsIn(data).includes(topic) ? topic : null,
  };
}

/** Keeps the filter in the address, so a view can be bookmarked or shared. */
function writeFilterToUrl(filter: GraphFilter): void {
  const params = new URLSearchParams();
  if (filter.meetingId) params.set('meeting', filter.meetingId);
  if (filter.topic) params.set('topic', filter.topic);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** Where cose scatters the nodes first: about 120 px square per node, in the canvas's proportions, so a handful of nodes stays together. */
function startArea(cy: Core, nodeCount: number): { x1: number; y1: number; w: number; h: number } {
  const aspect = cy.width() / Math.max(cy.height(), 1) || 1;
  const w = Math.min(cy.width(), Math.sqrt(Math.max(nodeCount, 1) * 120 * 120 * aspect));
  return { x1: 0, y1: 0, w, h: w / aspect };
}

/** mulberry32: a small, good-enough seeded generator for layout starting points. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setStatus(text: string, state: ExploreProbe['state']): void {
  byId('status').textContent = text;
  probe.state = state;
  document.body.dataset['state'] = state;
}

async function showDetails(model: GraphModel, target: { kind: 'node' | 'edge'; id: string }): Promise<void> {
  const panel = byId('details-body');
  panel.setAttribute('aria-busy', 'true');
  probe.selected = target.id;
  try {
    let content: HTMLElement;
    if (target.kind === 'node') {
      const node = model.nodes.get(target.id);
      if (!node) return;
      content = await renderNodeDetails(node);
    } else {
      const edge = model.edges.find((e) => e.id === target.id);
      if (!edge) return;
      content = await renderEdgeDetails(edge, (id) => model.nodes.get(id)?.label ?? id);
    }
    // A slower answer for an earlier click must not replace the current one.
    if (probe.selected !== target.id) return;
    content.dataset['id'] = target.id;
    panel.replaceChildren(content);
  } catch (error) {
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = `Could not load the details: ${error instanceof Error ? error.message : String(error)}`;
    panel.replaceChildren(message);
  } finally {
    panel.removeAttribute('aria-busy');
  }
}

function draw(cy: Core, model: GraphModel, filter: GraphFilter): void {
  const { nodes, edges } = applyFilter(model, filter);
  const elements: ElementDefinition[] = [
    ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label, kind: n.kind, subtype: n.subtype } })),
    ...edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target, label: e.label, kind: e.kind, subtype: e.subtype },
    })),
  ];
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  // cose starts from random positions; a seeded random makes the same data always give the
  // same picture (and the README screenshot stable), while the start spreads over the canvas.
  const random = Math.random;
  Math.random = seededRandom(20250602);
  try {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: true,
      boundingBox: startArea(cy, nodes.length),
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 120_000,
      idealEdgeLength: () => 50,
      edgeElasticity: () => 100,
      nodeOverlap: 12,
      gravity: 120,
      componentSpacing: 60,
      numIter: 1_500,
      padding: 24,
    }).run();
  } finally {
    Math.random = random;
  }
  // The layout fits node centres; this fits the labels in too, without blowing a few nodes up.
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
  probe.nodes = cy.nodes().length;
  probe.edges = cy.edges().length;
  const stanceCount = edges.filter((e) => e.kind === 'stance').length;
  setStatus(`${nodes.length} nodes · ${edges.length} edges (${stanceCount} stances)`, 'ready');
  byId('graph').dataset['nodes'] = String(probe.nodes);
  byId('empty').hidden = nodes.length > 0;
}

async function start(): Promise<void> {
  setStatus('Loading the graph…', 'loading');
  let data: GraphData;
  try {
    data = await loadGraphData();
  } catch (error) {
    setStatus(`Could not load the graph: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return;
  }
  const model = buildGraphModel(data);
  let filter = readFilterFromUrl(data);

  const meetingSelect = byId<HTMLSelectElement>('filter-meeting');
  fillSelect(
    meetingSelect,
    data.meetings.map((m) => [m.id, m.date ? `${m.title} (${m.date})` : m.title]),
  );
  const topicSelect = byId<HTMLSelectElement>('filter-topic');
  fillSelect(
    topicSelect,
    topicsIn(data).map((t) => [t, t.toLowerCase().replace(/_/g, ' ')]),
  );
  meetingSelect.value = filter.meetingId ?? '';
  topicSelect.value = filter.topic ?? '';

  const cy = cytoscape({ container: byId('graph'), style: STYLE, minZoom: 0.2, maxZoom: 3 });
  probe.cy = cy;

  const legend = byId('legend');
  const update = (next: GraphFilter) => {
    filter = next;
    writeFilterToUrl(filter);
    renderLegend(legend, filter, update);
    draw(cy, model, filter);
  };
  meetingSelect.addEventListener('change', () => update({ ...filter, meetingId: meetingSelect.value || null }));
  topicSelect.addEventListener('change', () => update({ ...filter, topic: topicSelect.value || null }));
  byId('fit').addEventListener('click', () => cy.fit(undefined, 24));
  byId('reset').addEventListener('click', () => {
    meetingSelect.value = '';
    topicSelect.value = '';
    update({ ...NO_FILTER });
  });

  // Clicking a node dims everything it is not connected to, and opens its details.
  cy.on('tap', 'node', (event: EventObject) => {
    const node = event.target as cytoscape.NodeSingular;
    cy.elements().addClass('faded');
    node.closedNeighborhood().removeClass('faded');
    void showDetails(model, { kind: 'node', id: node.id() });
  });
  cy.on('tap', 'edge', (event: EventObject) => {
    const edge = event.target as cytoscape.EdgeSingular;
    cy.elements().addClass('faded');
    edge.union(edge.connectedNodes()).removeClass('faded');
    void showDetails(model, { kind: 'edge', id: edge.id() });
  });
  cy.on('tap', (event: EventObject) => {
    if (event.target === cy) cy.elements().removeClass('faded');
  });

  update(filter);
}

void start();

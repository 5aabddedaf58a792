import { describe, expect, it } from 'vitest';

import { createEdgeIdDeduplicator, toExportEdge, toExportNode } from '../../src/export/graph-elements.js';
import { escapeXml, graphmlEdge, graphmlFooter, graphmlHeader, graphmlNode } from '../../src/export/graphml.js';
import { createNodeLinkWriter } from '../../src/export/node-link.js';

const actorRow = {
  part: 0,
  kind: 'Actor',
  id: 'actor:recep-tayyip-erdogan',
  props: {
    id: 'actor:recep-tayyip-erdogan',
    name: 'Recep Tayyip Erdoğan',
    kind: 'PERSON',
    aliases: ['Erdogan'],
    searchKey: 'internal',
    sourceIds: ['source:cgtn'],
    description: null,
  },
};
const positionRow = {
  part: 0,
  kind: 'Position',
  id: 'position:p',
  props: { id: 'position:p', title: 'A <fair> & "full" ceasefire', type: 'PROPOSAL', topics: ['CEASEFIRE'], pages: 3 },
};
const stanceRow = {
  part: 1,
  type: 'REJECTED',
  fromId: 'actor:russia',
  toId: 'position:p',
  props: { id: 'stance:s', sourceIds: ['source:a', 'source:b'], evidence: ['one | two', 'three'], ploverEvent: 'REJECT', recordedAt: '2026-01-01T00:00:00Z' },
};
const attendanceRow = (role: string) => ({
  part: 1,
  type: 'ATTENDED',
  fromId: 'actor:turkiye',
  toId: 'meeting:m',
  props: { role, sourceIds: ['source:a'], evidence: ['q'] },
});

describe('graph elements', () => {
  it('maps each node kind onto the shared attributes, leaving internal properties out', () => {
    const node = toExportNode(actorRow);
    expect(node).toEqual({
      id: 'actor:recep-tayyip-erdogan',
      kind: 'Actor',
      label: 'Recep Tayyip Erdoğan',
      attributes: { actorKind: 'PERSON', aliases: ['Erdogan'], sourceIds: ['source:cgtn'] },
    });
    expect(toExportNode(positionRow).attributes).toMatchObject({ positionType: 'PROPOSAL', topics: ['CEASEFIRE'] });
    expect(toExportNode({ kind: 'Source', id: 'source:s', props: { publisher: 'TASS', title: 'T', sourceIds: ['x'] } })).toMatchObject({
      label: 'TASS',
      attributes: { publisher: 'TASS', title: 'T' },
    });
    expect(toExportNode({ kind: 'Source', id: 'source:s', props: { publisher: 'TASS' } }).attributes).not.toHaveProperty('sourceIds');
    expect(toExportNode({ kind: 'Disagreement', id: 'd', props: { summary: 'How long', versionSourceIds: ['a', 'b'] } })).toMatchObject({
      label: 'How long',
      attributes: { sourceIds: ['a', 'b'] },
    });
  });

  it('gives structural edges an id from type, ends and role, and keeps stance ids', () => {
    expect(toExportEdge(stanceRow)).toMatchObject({
      id: 'stance:s',
      type: 'REJECTED',
      source: 'actor:russia',
      target: 'position:p',
      attributes: { sourceIds: ['source:a', 'source:b'], ploverEvent: 'REJECT' },
    });
    expect(toExportEdge(stanceRow).attributes).not.toHaveProperty('recordedAt');
    expect(toExportEdge(attendanceRow('HOST')).id).toBe('ATTENDED:actor:turkiye->meeting:m:HOST');
  });

  it('names a TARGETS edge after its stance, since several stances may address one actor', () => {
    const edge = toExportEdge({
      part: 1,
      type: 'TARGETS',
      fromId: 'actor:russia',
      toId: 'actor:ukraine',
      id: null,
      props: { stanceId: 'stance:s', positionId: 'position:p', kind: 'PROPOSED', sourceIds: ['source:a'], evidence: ['q'] },
    });
    expect(edge).toMatchObject({
      id: 'TARGETS:stance:s->actor:ukraine',
      attributes: { stanceId: 'stance:s', positionId: 'position:p', sourceIds: ['source:a'] },
    });
  });

  it('makes repeated ids unique, remembering only the previous one', () => {
    const unique = createEdgeIdDeduplicator();
    const edge = toExportEdge(attendanceRow('HOST'));
    expect([unique(edge), unique(edge), unique(edge), unique(toExportEdge(stanceRow))].map((e) => e.id)).toEqual([
      'ATTENDED:actor:turkiye->meeting:m:HOST',
      'ATTENDED:actor:turkiye->meeting:m:HOST#2',
      'ATTENDED:actor:turkiye->meeting:m:HOST#3',
      'stance:s',
    ]);
  });
});

describe('GraphML', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(escapeXml('bell\u0007 tab\t ok Çırağan')).toBe('bell tab\t ok Çırağan');
  });

  it('declares every key up front, then writes nodes and edges with their data', () => {
    const header = graphmlHeader();
    expect(header).toContain('<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>');
    expect(header).toContain('<key id="n_round" for="node" attr.name="round" attr.type="int"/>');
    expect(header).toContain('<key id="e_type" for="edge" attr.name="type" attr.type="string"/>');
    expect(header).toContain('<graph id="negotiation-graph" edgedefault="directed">');

    const node = graphmlNode(toExportNode(positionRow));
    expect(node).toContain('<node id="position:p">');
    expect(node).toContain('<data key="n_label">A &lt;fair&gt; &amp; &quot;full&quot; ceasefire</data>');
    expect(node).toContain('<data key="n_pages">3</data>');

    const edge = graphmlEdge(toExportEdge(stanceRow));
    expect(edge).toContain('<edge id="stance:s" source="actor:russia" target="position:p">');
    expect(edge).toContain('<data key="e_sourceIds">source:a|source:b</data>');
    // Quotes may contain "|": they are joined with newlines instead.
    expect(edge).toContain('<data key="e_evidence">one | two\nthree</data>');
    expect(graphmlFooter()).toBe('  </graph>\n</graphml>\n');
  });
});

describe('node-link JSON', () => {
  it('writes a document networkx reads: nodes, then edges keyed by id', () => {
    const writer = createNodeLinkWriter();
    const text =
      writer.begin() +
      writer.node(toExportNode(actorRow)) +
      writer.node(toExportNode(positionRow)) +
      writer.edge(toExportEdge(stanceRow)) +
      writer.edge(toExportEdge(attendanceRow('HOST'))) +
      writer.end();
    const data = JSON.parse(text) as { directed: boolean; multigraph: boolean; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    expect(data.directed).toBe(true);
    expect(data.multigraph).toBe(true);
    expect(data.nodes.map((n) => n['id'])).toEqual(['actor:recep-tayyip-erdogan', 'position:p']);
    expect(data.nodes[0]).toMatchObject({ kind: 'Actor', label: 'Recep Tayyip Erdoğan', aliases: ['Erdogan'] });
    expect(data.edges[0]).toEqual({
      source: 'actor:russia',
      target: 'position:p',
      key: 'stance:s',
      type: 'REJECTED',
      sourceIds: ['source:a', 'source:b'],
      evidence: ['one | two', 'three'],
      ploverEvent: 'REJECT',
    });
    expect(data.edges).toHaveLength(2);
  });

  it('is valid with no edges, and with nothing at all', () => {
    const nodesOnly = createNodeLinkWriter();
    expect(JSON.parse(nodesOnly.begin() + nodesOnly.node(toExportNode(actorRow)) + nodesOnly.end())).toMatchObject({ edges: [] });
    const empty = createNodeLinkWriter();
    expect(JSON.parse(empty.begin() + empty.end())).toMatchObject({ nodes: [], edges: [] });
  });

  it('refuses a node after the first edge (the export query orders nodes first)', () => {
    const writer = createNodeLinkWriter();
    writer.begin();
    writer.edge(toExportEdge(stanceRow));
    expect(() => writer.node(toExportNode(actorRow))).toThrow(/node after the first edge/);
  });
});

/**
 * The /export routes over real HTTP against the seeded database, read by the tools analysts
 * use: the CSV with pandas, the graph with networkx (read_graphml, node_link_graph), the PLOVER
 * lines as JSON. Python runs in the .venv the notebooks use (tests/helpers/python-env.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { STANCE_COLUMNS } from '../../src/export/stance-table.js';
import { ensurePythonEnv, type PythonEnv, runPythonJson } from '../helpers/python-env.js';
import { createTestApp, query, testConfig } from '../helpers/test-app.js';

let app: App;
let server: Server;
let baseUrl: string;
let python: PythonEnv;

async function listen(handler: App['http']): Promise<{ server: Server; url: string }> {
  const httpServer = createServer(handler);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return { server: httpServer, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

async function close(httpServer: Server | undefined): Promise<void> {
  if (!httpServer) return;
  httpServer.closeAllConnections();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
}

beforeAll(async () => {
  // The first run creates the venv (downloads the pinned packages): minutes, once.
  python = await ensurePythonEnv();
  app = await createTestApp();
  ({ server, url: baseUrl } = await listen(app.http));
}, 20 * 60_000);

afterAll(async () => {
  await close(server);
  await app?.stop();
});

/**
 * Other test files write to the same database while this one runs (each its own data, deleted
 * afterwards). A test that compares two reads of the whole stance table may catch one of their
 * writes in between, so it gets two more tries before a difference counts; a real bug fails
 * all three.
 */
const SETTLE = { retry: 2 };

interface ErrorBody {
  error: { code: string; parameter?: string; message: string };
}

/** Every stance as GraphQL lists it: the "one row per stance and source" the CSV must match. */
async function graphqlStanceRows(
  filter: Record<string, unknown> = {},
): Promise<Array<{ stance_id: string; source_id: string; evidence: string; kind: string }>> {
  const rows: Array<{ stance_id: string; source_id: string; evidence: string; kind: string }> = [];
  for (let offset = 0; ; offset += 200) {
    const data = await query(
      app,
      `query ($filter: StanceFilter, $page: PageInput) { stances(filter: $filter, page: $page) { total items { id kind evidence { quote source { id } } } } }`,
      {
        filter,
        page: { limit: 200, offset },
      },
    );
    for (const stance of data.stances.items) {
      for (const e of stance.evidence) rows.push({ stance_id: stance.id, source_id: e.source.id, evidence: e.quote, kind: stance.kind });
    }
    if (offset + 200 >= data.stances.total) return rows;
  }
}

interface CsvRow {
  stance_id: string;
  source_id: string;
  evidence: string;
  kind: string;
  actor: string;
  topics: string;
  cameo: string;
}

const byRow = (a: { stance_id: string; source_id: string }, b: { stance_id: string; source_id: string }) =>
  `${a.stance_id} ${a.source_id}`.localeCompare(`${b.stance_id} ${b.source_id}`);

// pandas reads the CSV straight from the URL, as an analyst would.
const READ_CSV = `
import json, sys
import pandas as pd
df = pd.read_csv(sys.argv[1], dtype={"cameo": "string"}, keep_default_na=False)
print(json.dumps({"columns": list(df.columns), "rows": df[["stance_id", "source_id", "evidence", "kind", "actor", "topics", "cameo"]].to_dict("records")}, ensure_ascii=False))
`;

describe('GET /export/stances.csv', () => {
  it('streams UTF-8 CSV that pandas reads with the expected columns, one row per stance and source', SETTLE, async () => {
    const response = await fetch(`${baseUrl}/export/stances.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    // Streamed: no length known in advance.
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const text = await response.text();
    expect(text.split('\n')[0]).toBe(STANCE_COLUMNS.join(','));
    expect(text).toContain('Recep Tayyip Erdoğan');

    const csv = await runPythonJson<{ columns: string[]; rows: CsvRow[] }>(python, READ_CSV, [`${baseUrl}/export/stances.csv`]);
    expect(csv.columns).toEqual([...STANCE_COLUMNS]);
    const expected = await graphqlStanceRows();
    // Quotes with commas, ASCII and curly quotation marks survive the round trip exactly.
    expect(csv.rows.map(({ stance_id, source_id, evidence, kind }) => ({ stance_id, source_id, evidence, kind })).sort(byRow)).toEqual(expected.sort(byRow));
    expect(csv.rows.some((row) => row.actor === 'Recep Tayyip Erdoğan')).toBe(true);
    expect(csv.rows.find((row) => row.stance_id === 'stance:russia-rejected-unconditional-30-day-ceasefire')).toMatchObject({
      topics: 'CEASEFIRE',
      cameo: '1246',
    });
  });

  it('filters like the GraphQL stances filter: kind=REJECTED gives only rejections', SETTLE, async () => {
    const csv = await runPythonJson<{ rows: CsvRow[] }>(python, READ_CSV, [`${baseUrl}/export/stances.csv?kind=REJECTED`]);
    expect(csv.rows.length).toBeGreaterThan(0);
    expect(new Set(csv.rows.map((row) => row.kind))).toEqual(new Set(['REJECTED']));
    expect(csv.rows.map((r) => r.stance_id)).toContain('stance:russia-rejected-unconditional-30-day-ceasefire');
    expect(csv.rows).toHaveLength((await graphqlStanceRows({ kinds: ['REJECTED'] })).length);
  });

  it('filters by target alone: target=actor:ukraine gives the stances addressed to Ukraine, whoever took them', SETTLE, async () => {
    const csv = await runPythonJson<{ rows: CsvRow[] }>(python, READ_CSV, [`${baseUrl}/export/stances.csv?target=actor:ukraine`]);
    const ids = new Set(csv.rows.map((row) => row.stance_id));
    expect(ids).toContain('stance:russia-proposed-withdrawal-from-four-regions');
    // Medinsky's stance counts by its own target, not through an actor filter.
    expect(ids).toContain('stance:vladimir-medinsky-proposed-local-ceasefire-2-3-days-to-collect-bodies');
    // Russia rejected Ukraine's ceasefire without a recorded target.
    expect(ids).not.toContain('stance:russia-rejected-unconditional-30-day-ceasefire');
    const rows = csv.rows.map(({ stance_id, source_id, evidence, kind }) => ({ stance_id, source_id, evidence, kind }));
    expect(rows.sort(byRow)).toEqual((await graphqlStanceRows({ targetIds: ['actor:ukraine'] })).sort(byRow));
    const text = await (await fetch(`${baseUrl}/export/stances.csv?target=actor:recep-tayyip-erdogan`)).text();
    expect(
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['stance:volodymyr-zelenskyy-agreed_to-leaders-meeting']);
  });

  it('takes repeated parameters, comma lists and the GraphQL field names alike', SETTLE, async () => {
    const lines = async (path: string) => (await (await fetch(`${baseUrl}${path}`)).text()).trim().split('\n');
    const repeated = await lines('/export/stances.csv?kind=REJECTED&kind=CONSIDERING');
    expect(await lines('/export/stances.csv?kind=REJECTED,CONSIDERING')).toEqual(repeated);
    expect(await lines('/export/stances.csv?kinds=rejected&kinds=considering')).toEqual(repeated);
    expect(repeated.length - 1).toBe((await graphqlStanceRows({ kinds: ['REJECTED', 'CONSIDERING'] })).length);
  });

  it("keeps only the named sources' rows, and members' stances count for their state", async () => {
    const tass = await (await fetch(`${baseUrl}/export/stances.jsonl?source=source:tass-2025-06-02`)).text();
    const rows = tass
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r['source_id']))).toEqual(new Set(['source:tass-2025-06-02']));

    const russia = await (await fetch(`${baseUrl}/export/stances.jsonl?actor=actor:russia&kind=PROPOSED`)).text();
    const actors = new Set(
      russia
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { actor_id: string }).actor_id),
    );
    expect(actors.has('actor:russia')).toBe(true);
    expect([...actors].some((id) => id !== 'actor:russia')).toBe(true);
    const onlyRussia = await (await fetch(`${baseUrl}/export/stances.jsonl?actor=actor:russia&kind=PROPOSED&includeMembers=false`)).text();
    expect(
      new Set(
        onlyRussia
          .trim()
          .split('\n')
          .map((line) => (JSON.parse(line) as { actor_id: string }).actor_id),
      ),
    ).toEqual(new Set(['actor:russia']));
  });

  it('filters by date range; an empty result is still a CSV with its header', async () => {
    const june = (await (await fetch(`${baseUrl}/export/stances.csv?from=2025-06-01&to=2025-06-30`)).text()).trim().split('\n');
    expect(june.length).toBeGreaterThan(1);
    const none = await fetch(`${baseUrl}/export/stances.csv?from=1990-01-01&to=1990-12-31`);
    expect(none.status).toBe(200);
    expect(await none.text()).toBe(`${STANCE_COLUMNS.join(',')}\n`);
  });
});

describe('GET /export/stances.jsonl', () => {
  it('holds the same rows as the CSV, lists as JSON arrays', SETTLE, async () => {
    const response = await fetch(`${baseUrl}/export/stances.jsonl`);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength((await graphqlStanceRows()).length);
    expect(Object.keys(rows[0]!)).toEqual([...STANCE_COLUMNS]);
    const rejection = rows.find((r) => r['stance_id'] === 'stance:russia-rejected-unconditional-30-day-ceasefire');
    expect(rejection).toMatchObject({ kind: 'REJECTED', actor: 'Russia', topics: ['CEASEFIRE'], plover_event: 'REJECT', date: '2025-06-02', meeting_round: 2 });
  });
});

describe('bad parameters', () => {
  it.each([
    ['/export/stances.csv?kind=REJECTD', 'kind'],
    ['/export/stances.csv?kind=', 'kind'],
    ['/export/stances.csv?topic=WEATHER', 'topic'],
    ['/export/stances.jsonl?from=2025-02-30', 'from'],
    ['/export/stances.csv?from=2025-06-30&to=2025-06-01', 'to'],
    ['/export/stances.csv?includeMembers=maybe', 'includeMembers'],
    ['/export/stances.csv?from=2025-06-01&from=2025-06-02', 'from'],
    ['/export/stances.csv?kindz=REJECTED', 'kindz'],
    ['/export/graph.json?limit=10', 'limit'],
    ['/export/graph.graphml?kind=REJECTED', 'kind'],
    ['/export/plover.jsonl?to=yesterday', 'to'],
    ['/export/plover.jsonl?kind=REJECTED', 'kind'],
  ])('%s → 400 naming "%s"', async (path, parameter) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', parameter });
    expect(body.error.message).toContain(`"${parameter}"`);
  });
});

/** Node and edge counts of the graph, counted in Cypher; retried if another test wrote meanwhile. */
async function withStableCounts<T>(work: () => Promise<T>): Promise<{ counts: { nodes: number; edges: number }; result: T }> {
  const count = async () => {
    const [row] = await app.executor.read('export/count-graph');
    return { nodes: Number(row?.['nodes']), edges: Number(row?.['edges']) };
  };
  for (let attempt = 1; ; attempt += 1) {
    const before = await count();
    const result = await work();
    const after = await count();
    if ((before.nodes === after.nodes && before.edges === after.edges) || attempt === 3) return { counts: before, result };
  }
}

const READ_GRAPHML = `
import io, json, sys, urllib.request
import networkx as nx
with urllib.request.urlopen(sys.argv[1]) as response:
    g = nx.read_graphml(io.BytesIO(response.read()))
# networkx keeps GraphML edge ids as multigraph keys (or as an "id" attribute in a simple graph).
edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
stance = next(d for u, v, key, d in edges if key == "stance:russia-rejected-unconditional-30-day-ceasefire")
kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
  "kinds": kinds, "stance": stance, "erdogan": g.nodes["actor:recep-tayyip-erdogan"]}, ensure_ascii=False))
`;

const READ_NODE_LINK = `
import json, sys, urllib.request
import networkx as nx
with urllib.request.urlopen(sys.argv[1]) as response:
    data = json.load(response)
g = nx.node_link_graph(data, edges="edges")
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "multigraph": g.is_multigraph(),
  "ceasefire": g.nodes["position:unconditional-30-day-ceasefire"],
  "rejection": g.edges["actor:russia", "position:unconditional-30-day-ceasefire", "stance:russia-rejected-unconditional-30-day-ceasefire"]}, ensure_ascii=False))
`;

describe('GET /export/graph.graphml and /export/graph.json', () => {
  it('GraphML loads in networkx read_graphml with the same node and edge counts as the graph', async () => {
    const { counts, result } = await withStableCounts(async () => {
      const head = await fetch(`${baseUrl}/export/graph.graphml`, { method: 'HEAD' });
      const graph = await runPythonJson<Record<string, unknown>>(python, READ_GRAPHML, [`${baseUrl}/export/graph.graphml`]);
      return { head, graph };
    });
    expect(counts.nodes).toBeGreaterThan(50);
    expect(result.graph).toMatchObject({ nodes: counts.nodes, edges: counts.edges, directed: true });
    // HEAD tells the size without the download.
    expect(result.head.headers.get('x-graph-nodes')).toBe(String(counts.nodes));
    expect(result.head.headers.get('x-graph-edges')).toBe(String(counts.edges));
    expect(result.graph['kinds']).toEqual(['Actor', 'Disagreement', 'Document', 'Meeting', 'Position', 'Source']);
    expect(result.graph['stance']).toMatchObject({ type: 'REJECTED', ploverEvent: 'REJECT', cameo: '1246' });
    expect(String((result.graph['stance'] as Record<string, unknown>)['sourceIds']).split('|')).toContain('source:rbc-ukraine-2025-06-02');
    expect(result.graph['erdogan']).toMatchObject({ kind: 'Actor', label: 'Recep Tayyip Erdoğan', actorKind: 'PERSON' });
  });

  it('node-link JSON loads with networkx.node_link_graph, same counts, lists intact', async () => {
    const { counts, result } = await withStableCounts(() => runPythonJson<Record<string, any>>(python, READ_NODE_LINK, [`${baseUrl}/export/graph.json`]));
    expect(result).toMatchObject({ nodes: counts.nodes, edges: counts.edges, multigraph: true });
    expect(result['ceasefire']).toMatchObject({ kind: 'Position', positionType: 'PROPOSAL', topics: ['CEASEFIRE'] });
    expect(result['rejection'].type).toBe('REJECTED');
    expect(result['rejection'].sourceIds).toHaveLength(result['rejection'].evidence.length);
  });
});

interface PloverLine {
  id: string;
  date: string | null;
  source: string[];
  recipient: string[];
  event: string;
  mode: string | null;
  context: string[];
  text: string | null;
  cite_info: { source_id: string | null; publisher: string | null; title: string | null; published_at: string | null; url: string | null };
  negotiation_graph: {
    edge_type: string;
    edge_id: string;
    role: string | null;
    recipient_actor_ids: string[];
    recipient_basis: 'target' | 'inferred';
  };
}

describe('GET /export/plover.jsonl', () => {
  let records: PloverLine[];
  beforeAll(async () => {
    const response = await fetch(`${baseUrl}/export/plover.jsonl`);
    expect(response.status).toBe(200);
    records = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PloverLine);
  });

  it('has the PLOVER record shape, one record per event and source', async () => {
    for (const record of records) {
      expect(Object.keys(record)).toEqual(['id', 'date', 'source', 'recipient', 'event', 'mode', 'context', 'text', 'cite_info', 'negotiation_graph']);
    }
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    const rejection = records.filter((r) => r.negotiation_graph.edge_id === 'stance:russia-rejected-unconditional-30-day-ceasefire');
    expect(rejection).toHaveLength(2);
    expect(rejection[0]).toMatchObject({ date: '2025-06-02', source: ['Russia'], recipient: ['Ukraine'], event: 'REJECT', mode: 'yield' });
    expect(rejection.map((r) => r.cite_info.publisher).sort()).toEqual(['Central Asian news site (citing RBC)', 'RBC-Ukraine']);
    expect(rejection.map((r) => r.text)).toContain('Serhii Kyslytsia also added that they flatly refuse an unconditional ceasefire.');
  });

  it('addresses a stance whose sources name its targets to exactly those (recipient_basis "target"), others to the other side', async () => {
    // Zelenskyy told Erdoğan he agreed to a leaders' meeting: Erdoğan neither holds nor answered
    // that position, so only the recorded target can make him the recipient (the inferred rule
    // finds no one: the proposal is Ukraine's own).
    const agreement = records.filter((r) => r.negotiation_graph.edge_id === 'stance:volodymyr-zelenskyy-agreed_to-leaders-meeting');
    expect(agreement.length).toBeGreaterThan(0);
    for (const record of agreement) {
      expect(record).toMatchObject({
        source: ['Volodymyr Zelenskyy'],
        recipient: ['Recep Tayyip Erdoğan'],
        event: 'AGREE',
        negotiation_graph: { recipient_basis: 'target', recipient_actor_ids: ['actor:recep-tayyip-erdogan'] },
      });
    }
    // Russia's withdrawal demand names Ukraine as its target in three sources: three records.
    const demand = records.filter((r) => r.negotiation_graph.edge_id === 'stance:russia-proposed-withdrawal-from-four-regions');
    expect(demand.map((r) => r.cite_info.source_id).sort()).toEqual([
      'source:bulgarian-english-outlet-2025-06-02',
      'source:central-asian-news-2025-06-02',
      'source:rbc-ukraine-2025-06-02',
    ]);
    for (const record of demand) {
      expect(record).toMatchObject({ source: ['Russia'], recipient: ['Ukraine'], event: 'DEMAND', negotiation_graph: { recipient_basis: 'target' } });
    }
    // A rejection with no recorded target: its recipient is inferred.
    const rejection = records.find((r) => r.negotiation_graph.edge_id === 'stance:russia-rejected-unconditional-30-day-ceasefire');
    expect(rejection?.negotiation_graph.recipient_basis).toBe('inferred');
  });

  it('codes attendance as CONSULT and leaves out CONSIDERING, which has no PLOVER event', async () => {
    const consult = records.filter((r) => r.negotiation_graph.edge_type === 'ATTENDED');
    expect(consult.length).toBeGreaterThan(0);
    for (const record of consult) expect(record.event).toBe('CONSULT');
    const mediation = consult.find((r) => r.source[0] === 'Türkiye' && r.negotiation_graph.role === 'MEDIATOR');
    expect(mediation).toMatchObject({ mode: 'third-party' });
    expect(mediation!.recipient).toEqual(expect.arrayContaining(['Russian delegation', 'Ukrainian delegation']));
    expect(consult.find((r) => r.negotiation_graph.role === 'HEAD')).toMatchObject({ mode: 'multilateral' });
    expect(records.some((r) => r.negotiation_graph.edge_type === 'CONSIDERING')).toBe(false);
  });

  it('takes a date window', async () => {
    const may = (await (await fetch(`${baseUrl}/export/plover.jsonl?to=2025-05-31`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PloverLine);
    expect(may.length).toBeGreaterThan(0);
    for (const record of may) expect(record.date! <= '2025-05-31').toBe(true);
  });
});

describe('streaming', () => {
  it('pulls the next row only after the previous one was handled (backpressure), in a stable order', SETTLE, async () => {
    let inFlight = false;
    const seen: string[] = [];
    const params = {
      kinds: null,
      actorIds: null,
      includeMembers: true,
      targetIds: null,
      positionIds: null,
      topics: null,
      meetingIds: null,
      sourceIds: null,
      from: null,
      to: null,
      includeRetracted: false,
    };
    const delivered = await app.executor.stream('export/stream-stance-rows', params, async (row) => {
      expect(inFlight).toBe(false);
      inFlight = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(`${String(row['stance_id'])} ${String(row['source_id'])}`);
      inFlight = false;
    });
    expect(delivered).toBe(seen.length);
    const again: string[] = [];
    await app.executor.stream('export/stream-stance-rows', params, (row) => {
      again.push(`${String(row['stance_id'])} ${String(row['source_id'])}`);
    });
    expect(again).toEqual(seen);
  });

  it('answers 503 DATABASE_UNAVAILABLE as JSON when Neo4j cannot be reached', async () => {
    const down = await createApp(testConfig({ NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_CONNECTION_TIMEOUT_MS: '500' }));
    const { server: downServer, url } = await listen(down.http);
    try {
      for (const path of ['/export/stances.csv', '/export/graph.graphml', '/export/plover.jsonl']) {
        const response = await fetch(`${url}${path}`);
        expect(response.status).toBe(503);
        expect(((await response.json()) as ErrorBody).error.code).toBe('DATABASE_UNAVAILABLE');
      }
    } finally {
      await close(downServer);
      await down.stop();
    }
  });
});

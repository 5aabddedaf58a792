/**
 * The analyst notebooks, executed for real: the service runs in-process on an ephemeral port
 * against the seeded Neo4j, every notebooks/*.ipynb runs top to bottom in the pinned .venv
 * (notebooks/run_notebooks.py, nbclient), any cell error fails the test, and the key cells
 * must have shown what an analyst opens them for. Executed copies and a summary land in
 * test-output/notebooks/ for a look when something fails.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { ensurePythonEnv, type RunResult, runCommand } from '../helpers/python-env.js';
import { createTestApp } from '../helpers/test-app.js';

const NOTEBOOK_DIR = join(PROJECT_ROOT, 'notebooks');
const OUT_DIR = join(PROJECT_ROOT, 'test-output', 'notebooks');

interface CellSummary {
  index: number;
  text: string;
  html: string;
  table_rows: number | null;
  images: number;
}

interface NotebookSummary {
  notebook: string;
  error: string | null;
  seconds: number;
  images: number;
  cells: Record<string, CellSummary>;
}

let app: App;
let server: Server;
let run: RunResult;
let summary: NotebookSummary[];

beforeAll(async () => {
  // The first run creates .venv and downloads the pinned packages: minutes, once.
  const python = await ensurePythonEnv();
  app = await createTestApp();
  server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  rmSync(join(OUT_DIR, 'summary.json'), { force: true });
  // Asynchronous on purpose: this process serves the notebooks' requests meanwhile.
  run = await runCommand(python.python, [join(NOTEBOOK_DIR, 'run_notebooks.py'), '--out', OUT_DIR], {
    env: { ...process.env, NEGOTIATION_GRAPH_URL: url },
    echo: true,
  });
  summary = JSON.parse(readFileSync(join(OUT_DIR, 'summary.json'), 'utf8')) as NotebookSummary[];
}, 25 * 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await app?.stop();
});

const cell = (tag: string, notebook = 'negotiations.ipynb'): CellSummary => {
  const found = summary.find((s) => s.notebook === notebook)?.cells[tag];
  if (!found) throw new Error(`no cell tagged "${tag}" in ${notebook}`);
  return found;
};

describe('notebooks/', () => {
  it('runs every notebook top to bottom without a cell error', () => {
    const notebooks = readdirSync(NOTEBOOK_DIR)
      .filter((name) => name.endsWith('.ipynb'))
      .sort();
    expect(notebooks).toContain('negotiations.ipynb');
    expect(summary.map((s) => s.notebook).sort()).toEqual(notebooks);
    for (const result of summary) expect(result.error, `${result.notebook}: ${result.error}`).toBeNull();
    expect(run.code, run.stderr).toBe(0);
  });

  it('"who rejected what" lists Russia rejecting the unconditional 30-day ceasefire', () => {
    const { html } = cell('who-rejected-what');
    const rows = html.split('<tr').slice(1);
    expect(rows.some((row) => row.includes('>Russia<') && row.includes('Full, unconditional 30-day ceasefire'))).toBe(true);
  });

  it('"where the sources disagree" shows at least four versions', () => {
    expect(cell('disagreements').table_rows).toBeGreaterThanOrEqual(4);
  });

  it('draws the actor–position network and the timeline of the two rounds', () => {
    expect(cell('network').images).toBe(1);
    expect(cell('timeline').images).toBe(1);
    expect(cell('timeline').text).toContain('Ukraine');
  });

  it('reads the exports: the CSV matches the API row for row, the graph loads from node-link JSON', () => {
    expect(cell('stances-csv').text).toContain('source_publisher');
    expect(cell('whole-graph').text).toMatch(/\d+ nodes, \d+ edges/);
    expect(cell('plover').text).toMatch(/\d+ event records/);
  });

  it('shows source → target dyads, what changed between the rounds, and the side meetings', () => {
    expect(cell('dyads').text).toMatch(/[1-9]\d* source → target dyads/);
    const changes = cell('stance-changes');
    expect(changes.text).toContain("'notRepeated': 2");
    expect(changes.html).toContain('NOT_REPEATED');
    expect(changes.html).toContain('Exchange of 1,000 prisoners each (May 2025)');
    expect(cell('side-meetings').html).toContain('Germany (MEMBER)');
  });

  it('shows which actors a proposal involves and in what role, and how Erdoğan and Putin are connected, edge by edge', () => {
    const involvement = cell('involvement');
    expect(involvement.text).toMatch(/Ukraine is the party that must act in [1-9]\d* positions/);
    expect(involvement.text).toContain('Ukrainian withdrawal from Donetsk, Luhansk, Zaporizhzhia and Kherson regions');
    // Erdoğan hosts; Putin, Zelenskyy and Trump would take part.
    expect(involvement.table_rows).toBe(4);
    const rows = involvement.html.split('<tr').slice(1);
    expect(rows.some((row) => row.includes('>HOST<') && row.includes('>Recep Tayyip Erdoğan<'))).toBe(true);
    expect(rows.filter((row) => row.includes('>PARTICIPANT<'))).toHaveLength(3);

    const connection = cell('connection');
    expect(connection.text).toMatch(/[1-9]\d* shortest paths of 2 edges from Erdoğan to Putin/);
    expect(connection.text).toContain(
      'Recep Tayyip Erdoğan —[INVOLVEMENT HOST]— Putin–Zelenskyy–Trump meeting hosted by Türkiye —[INVOLVEMENT PARTICIPANT]— Vladimir Putin',
    );
    // Each edge is shown with a source and its quote; no membership chain when a substantive path exists.
    expect(connection.text).toMatch(/ {4}INVOLVEMENT: [^:]+: “.+”/);
    expect(connection.text).toContain('—[STANCE PROPOSED]—');
    expect(connection.text).not.toContain('MEMBERSHIP');
  });
});

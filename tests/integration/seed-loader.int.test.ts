/**
 * The loader validates everything before writing, writes in one transaction, and MERGEs on
 * ids: loading twice gives the same graph, and a bad file writes nothing. These tests load
 * small datasets of their own (unique ids) and delete only what they created.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import type { SeedDataset } from '../../src/shared/seed-format.js';
import { loadSeed } from '../../src/seed/seed-loader.js';
import { SeedValidationError } from '../../src/seed/seed-validator.js';
import { createTestApp, query } from '../helpers/test-app.js';

const run = Math.random().toString(36).slice(2, 8);
const id = (kind: string, name: string) => `${kind}:test-${run}-${name}`;
const dir = mkdtempSync(join(tmpdir(), 'seed-test-'));

function dataset(): SeedDataset {
  const evidence = [{ sourceId: id('source', 'wire'), quote: 'Both sides agreed to meet again.' }];
  return {
    formatVersion: 1,
    dataset: { id: `dataset:test-${run}`, title: 'Loader test', description: 'A dataset the loader tests create and delete.' },
    sources: [{ id: id('source', 'wire'), publisher: 'Test Wire', title: 'Talks resume', publishedAt: '2025-07-01', language: 'en', url: null }],
    actors: [
      { id: id('actor', 'north'), name: 'Northland', kind: 'STATE', aliases: ['Nordland'], description: 'A test state.', evidence },
      { id: id('actor', 'south'), name: 'Southland', kind: 'STATE', aliases: [], description: 'A test state.', evidence },
    ],
    meetings: [{ id: id('meeting', 'round'), title: 'Test round', round: 1, date: '2025-07-01', status: 'HELD', city: 'Geneva', evidence }],
    positions: [
      { id: id('position', 'meet-again'), type: 'PROPOSAL', title: 'Meet again', summary: 'Hold another round.', topics: ['PROCESS_FORMAT'], evidence },
    ],
    stances: [
      {
        id: id('stance', 'north-proposed'),
        kind: 'PROPOSED',
        actorId: id('actor', 'north'),
        positionId: id('position', 'meet-again'),
        meetingId: id('meeting', 'round'),
        date: '2025-07-01',
        cameo: '036',
        evidence,
      },
      {
        id: id('stance', 'south-agreed'),
        kind: 'AGREED_TO',
        actorId: id('actor', 'south'),
        positionId: id('position', 'meet-again'),
        meetingId: id('meeting', 'round'),
        date: '2025-07-01',
        cameo: '057',
        evidence,
      },
    ],
    attendance: [{ actorId: id('actor', 'north'), meetingId: id('meeting', 'round'), role: 'HEAD', evidence }],
  };
}

function writeDataset(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

const COUNT_MINE = `MATCH (n) WHERE n.id STARTS WITH $prefix
  OPTIONAL MATCH (n)-[r]->()
  RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS edges`;

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.executor.runStatement('MATCH (d:Dataset {id: $id}) DELETE d', { id: `dataset:test-${run}` });
  for (const kind of ['source', 'actor', 'meeting', 'position']) {
    await app.executor.runStatement('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: `${kind}:test-${run}-` });
  }
  await app.stop();
});

async function countMine(): Promise<{ nodes: number; edges: number }> {
  let nodes = 0;
  let edges = 0;
  for (const kind of ['source', 'actor', 'meeting', 'position']) {
    const [row] = await app.executor.runStatement(COUNT_MINE, { prefix: `${kind}:test-${run}-` }, 'READ');
    nodes += Number(row?.['nodes']);
    edges += Number(row?.['edges']);
  }
  return { nodes, edges };
}

describe('seed loader', () => {
  it('refuses a bad file, reports every problem with file and JSON path, and writes nothing', async () => {
    const bad = dataset();
    bad.stances![0]!.actorId = id('actor', 'nobody');
    (bad.meetings![0] as { date: string }).date = '2025-13-45';
    bad.positions![0]!.topics = ['WEATHER'];
    const file = writeDataset('bad.json', bad);

    const error = await loadSeed(app.executor, { files: [file] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const problems = (error as SeedValidationError).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.meetings[0].date', '$.positions[0].topics[0]']));
    expect(problems.every((p) => p.file === 'bad.json')).toBe(true);
    expect(await countMine()).toEqual({ nodes: 0, edges: 0 });
  });

  it('reports references that do not resolve once the shape is right', async () => {
    const bad = dataset();
    bad.stances![0]!.actorId = id('actor', 'nobody');
    const error = (await loadSeed(app.executor, { files: [writeDataset('dangling.json', bad)] }).catch((e: unknown) => e)) as SeedValidationError;
    expect(error.problems).toEqual([
      { file: 'dangling.json', path: '$.stances[0].actorId', message: `refers to "${id('actor', 'nobody')}", which is not defined in actors` },
    ]);
    expect(await countMine()).toEqual({ nodes: 0, edges: 0 });
  });

  it('writes in one transaction: a database error half-way leaves nothing behind', async () => {
    // Valid on its own, but the stance id is already used by a seed edge between other
    // nodes: the unique constraint fails after sources, actors and meetings were merged.
    const clash = dataset();
    clash.stances![0]!.id = 'stance:ukraine-proposed-unconditional-30-day-ceasefire';
    const error = await loadSeed(app.executor, { files: [writeDataset('clash.json', clash)] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await countMine()).toEqual({ nodes: 0, edges: 0 });
  });

  it('refuses a new source text that lacks quotes the graph holds from it, unless the file gives those items again', async () => {
    const source = id('source', 'statement');
    const before = 'Officials said both sides agreed to meet again. The talks ended early.';
    const after = 'The talks ended early. Northland proposed a truce.';
    const file = (name: string, text: string, actors: Array<{ name: string; quote: string }>) =>
      writeDataset(name, {
        formatVersion: 1,
        dataset: { id: `dataset:test-${run}`, title: 'Loader test', description: 'A dataset the loader tests create and delete.' },
        sources: [{ id: source, publisher: 'Test Wire', title: 'Statement', publishedAt: '2025-07-02', language: 'en', url: null, text }],
        actors: actors.map((a) => ({ id: id('actor', a.name), name: a.name, kind: 'STATE', aliases: [], evidence: [{ sourceId: source, quote: a.quote }] })),
      });
    const textOf = async () => (await query(app, `query ($id: ID!) { source(id: $id) { text } }`, { id: source })).source.text;
    await loadSeed(app.executor, { files: [file('texts-1.json', before, [{ name: 'westland', quote: 'both sides agreed to meet again' }])] });

    // Another file gives the source a text without Westland's quote, and does not give Westland again.
    const refused = await loadSeed(app.executor, {
      files: [file('texts-2.json', after, [{ name: 'eastland', quote: 'Northland proposed a truce.' }])],
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SeedValidationError);
    const problems = (refused as SeedValidationError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '$.sources[0].text' });
    expect(problems[0]?.message).toContain(`"both sides agreed to meet again"`);
    expect(problems[0]?.message).toContain(id('actor', 'westland'));
    expect(await textOf()).toBe(before);
    expect((await query(app, `query ($id: ID!) { actor(id: $id) { id } }`, { id: id('actor', 'eastland') })).actor).toBeNull();

    // Giving Westland its quote from the new text too: accepted.
    await loadSeed(app.executor, {
      files: [
        file('texts-3.json', after, [
          { name: 'westland', quote: 'The talks ended early.' },
          { name: 'eastland', quote: 'Northland proposed a truce.' },
        ]),
      ],
    });
    expect(await textOf()).toBe(after);
    // The next test counts this run's nodes: leave none behind.
    await app.executor.runStatement('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', {
      ids: [source, id('actor', 'westland'), id('actor', 'eastland')],
    });
  });

  it('loads a valid file, and loading it again gives the same graph', async () => {
    const file = writeDataset('good.json', dataset());
    await loadSeed(app.executor, { files: [file] });
    const first = await countMine();
    expect(first).toEqual({ nodes: 5, edges: 3 });

    await loadSeed(app.executor, { files: [file] });
    expect(await countMine()).toEqual(first);

    const data = await query(app, `query ($id: ID!) { position(id: $id) { __typename agreedBy { actor { name } evidence { quote source { publisher } } } } }`, {
      id: id('position', 'meet-again'),
    });
    expect(data.position).toEqual({
      __typename: 'Proposal',
      agreedBy: [{ actor: { name: 'Southland' }, evidence: [{ quote: 'Both sides agreed to meet again.', source: { publisher: 'Test Wire' } }] }],
    });
  });
});

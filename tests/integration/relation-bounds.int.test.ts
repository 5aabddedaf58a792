/**
 * The relation lists are bounded like every list that grows with the data (issue 9, defect 2):
 * an actor targeted by more stances than the page maximum, a stance addressed to more actors,
 * a position involving more actors and an actor involved in more positions each answer one
 * page (by default a small one), can be paged to the rest in a stable order, and are cut per
 * parent in the database. The test loads data of its own (ids carry a per-run marker, more
 * items than MAX_PAGE_SIZE) and deletes it afterwards.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { loadSeed } from '../../src/seed/seed-loader.js';
import { MAX_PAGE_SIZE } from '../../src/shared/page.js';
import { NESTED_PAGE_SIZE } from '../../src/shared/paging.js';
import { deleteRunData, runMarker } from '../helpers/curation.js';
import { createTestApp, execute, query } from '../helpers/test-app.js';

const marker = runMarker();
const id = (kind: string, name: string) => `${kind}:${marker}-${name}`;
/** More than one page of the maximum size: the rest must be reachable by paging. */
const MANY = MAX_PAGE_SIZE + 5;
const MUST_ACT = 3;
const numbers = Array.from({ length: MANY }, (_, i) => String(i).padStart(3, '0'));
const party = (n: string) => id('actor', `party-${n}`);
const position = (n: string) => id('position', `p-${n}`);
const stance = (n: string) => id('stance', `s-${n}`);

/**
 * The hub is the target of MANY stances (the speaker's, one per position) and involved in MANY
 * positions; the speaker's broad stance targets MANY parties, and the wide position involves
 * them all (the first few as MUST_ACT, the others as PARTICIPANT).
 */
function dataset() {
  const evidence = [{ sourceId: id('source', 'wire'), quote: 'Everyone was named.' }];
  return {
    formatVersion: 1,
    dataset: { id: `dataset:${marker}`, title: 'Relation bounds test', description: 'Created and deleted by the test.' },
    sources: [{ id: id('source', 'wire'), publisher: 'Wire', title: 'Talks', publishedAt: '2025-08-01', language: 'en', url: null }],
    actors: [
      { id: id('actor', 'speaker'), name: 'Speaker', kind: 'STATE', aliases: [], description: 'Test.', evidence },
      { id: id('actor', 'hub'), name: 'Hub', kind: 'STATE', aliases: [], description: 'Test.', evidence },
      ...numbers.map((n) => ({ id: party(n), name: `Party ${n}`, kind: 'STATE', aliases: [], description: 'Test.', evidence })),
    ],
    positions: [
      { id: id('position', 'wide'), type: 'PROPOSAL', title: 'Wide conference', topics: ['PROCESS_FORMAT'], evidence },
      ...numbers.map((n) => ({ id: position(n), type: 'PROPOSAL', title: `Position ${n}`, topics: ['PROCESS_FORMAT'], evidence })),
    ],
    stances: [
      { id: id('stance', 'broad'), kind: 'PROPOSED', actorId: id('actor', 'speaker'), positionId: id('position', 'wide'), date: '2025-07-01', evidence },
      ...numbers.map((n) => ({ id: stance(n), kind: 'PROPOSED', actorId: id('actor', 'speaker'), positionId: position(n), date: '2025-07-02', evidence })),
    ],
    stanceTargets: [
      ...numbers.map((n) => ({ stanceId: stance(n), actorId: id('actor', 'hub'), evidence })),
      ...numbers.map((n) => ({ stanceId: id('stance', 'broad'), actorId: party(n), evidence })),
    ],
    involvement: [
      ...numbers.map((n) => ({ positionId: position(n), actorId: id('actor', 'hub'), role: 'BENEFICIARY', evidence })),
      ...numbers.map((n, i) => ({ positionId: id('position', 'wide'), actorId: party(n), role: i < MUST_ACT ? 'MUST_ACT' : 'PARTICIPANT', evidence })),
    ],
  };
}

let app: App;
beforeAll(async () => {
  app = await createTestApp();
  const file = join(mkdtempSync(join(tmpdir(), 'ng-relation-bounds-')), 'data.json');
  writeFileSync(file, JSON.stringify(dataset()));
  await loadSeed(app.executor, { files: [file], recordedBy: marker });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
});

/** The first, second and default pages of a list, and the whole list as those pages put together. */
async function pagesOf(parent: string, field: string, selection: string, pick: (item: any) => string, defaultPage: number) {
  const data = await query(
    app,
    `{ ${parent} {
        first: ${field}(page: { limit: ${MAX_PAGE_SIZE} }) ${selection}
        rest: ${field}(page: { limit: ${MAX_PAGE_SIZE}, offset: ${MAX_PAGE_SIZE} }) ${selection}
        byDefault: ${field} ${selection}
    } }`,
  );
  const item = Object.values(data)[0] as Record<string, any[]>;
  const first = (item['first'] ?? []).map(pick);
  const rest = (item['rest'] ?? []).map(pick);
  expect(first).toHaveLength(MAX_PAGE_SIZE);
  expect(rest).toHaveLength(MANY - MAX_PAGE_SIZE);
  expect((item['byDefault'] ?? []).map(pick)).toEqual(first.slice(0, defaultPage));
  return [...first, ...rest];
}

describe('relation lists longer than the page maximum', () => {
  it('an actor targeted by more stances than a page: one page at a time, by date, the rest by offset', async () => {
    const all = await pagesOf(`actor(id: "${id('actor', 'hub')}")`, 'targetedBy', '{ id }', (s) => s.id, NESTED_PAGE_SIZE);
    expect(all).toEqual(numbers.map(stance));
  });

  it('a stance addressed to more actors than a page (default page 10), by target name', async () => {
    const all = await pagesOf(`stance(id: "${id('stance', 'broad')}")`, 'targets', '{ actor { id } }', (t) => t.actor.id, 10);
    expect(all).toEqual(numbers.map(party));
  });

  it('a position involving more actors than a page (default page 10), by role then name', async () => {
    const all = await pagesOf(`position(id: "${id('position', 'wide')}")`, 'involves', '{ role actor { id } }', (i) => `${i.role} ${i.actor.id}`, 10);
    expect(all).toEqual(numbers.map((n, i) => `${i < MUST_ACT ? 'MUST_ACT' : 'PARTICIPANT'} ${party(n)}`));
  });

  it('an actor involved in more positions than a page, by position title', async () => {
    const all = await pagesOf(`actor(id: "${id('actor', 'hub')}")`, 'involvedIn', '{ position { id } }', (i) => i.position.id, NESTED_PAGE_SIZE);
    expect(all).toEqual(numbers.map(position));
  });

  it('filters by role before cutting the page', async () => {
    const data = await query(
      app,
      `{ position(id: "${id('position', 'wide')}") {
          mustAct: involves(role: MUST_ACT) { actor { id } }
          participants: involves(role: PARTICIPANT, page: { limit: 2 }) { role actor { id } }
      } }`,
    );
    expect(data.position.mustAct.map((i: any) => i.actor.id)).toEqual(numbers.slice(0, MUST_ACT).map(party));
    expect(data.position.participants).toEqual([
      { role: 'PARTICIPANT', actor: { id: party(numbers[MUST_ACT] as string) } },
      { role: 'PARTICIPANT', actor: { id: party(numbers[MUST_ACT + 1] as string) } },
    ]);
  });

  it('refuses a page over the maximum, naming the argument', async () => {
    for (const field of ['targetedBy { id }', 'involvedIn { role }']) {
      const [name, selection] = field.split(' {');
      const result = await execute(app, `{ actor(id: "${id('actor', 'hub')}") { ${name}(page: { limit: ${MAX_PAGE_SIZE + 1} }) {${selection} } }`);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/page\.limit/);
    }
  });

  it('cuts each parent’s page in the database: a query for several parents returns at most a page of rows for each', async () => {
    const page = { offset: 0, limit: 5 };
    const hub = id('actor', 'hub');
    const involved = await app.executor.read('relations/find-involvement-by-actors', { ids: [hub, party('000')], role: null, ...page });
    expect(involved.filter((row) => row['key'] === hub)).toHaveLength(5);
    expect(involved.filter((row) => row['key'] === party('000'))).toHaveLength(1);
    const targeting = await app.executor.read('relations/find-stances-by-targets', { ids: [hub], includeRetracted: false, ...page });
    expect(targeting).toHaveLength(5);
    const targets = await app.executor.read('relations/find-targets-by-stances', { ids: [id('stance', 'broad'), stance('000')], ...page });
    expect(targets.map((row) => row['key'])).toEqual([...Array(5).fill(id('stance', 'broad')), stance('000')]);
    const involves = await app.executor.read('relations/find-involvement-by-positions', { ids: [id('position', 'wide')], role: 'PARTICIPANT', ...page });
    expect(involves).toHaveLength(5);
  });

  it('pages the lists of many parents with one query per relation and page', async () => {
    const queries: string[] = [];
    const stop = app.executor.onQuery(({ queryName }) => queries.push(queryName));
    const data = await query(
      app,
      `{ actor(id: "${id('actor', 'hub')}") {
          involvedIn(page: { limit: 20 }) { position { involves(page: { limit: 1 }) { actor { id } } } }
      } }`,
    );
    stop();
    expect(data.actor.involvedIn).toHaveLength(20);
    for (const item of data.actor.involvedIn) expect(item.position.involves).toEqual([{ actor: { id: id('actor', 'hub') } }]);
    expect(queries.filter((name) => name.startsWith('relations/'))).toEqual([
      'relations/find-involvement-by-actors',
      'relations/find-involvement-by-positions',
    ]);
  });
});

/**
 * Look-ahead on stance lists: when the selection asks for a stance's actor, position, meeting
 * or sources, the stance query brings them along (priming the loaders), so the common shapes
 * cost a fixed number of queries whatever the page size, and the answers are the ones the
 * loaders alone give. Counted with the executor's query and transaction listeners.
 */
import { type FieldNode, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import type { Reader } from '../../src/db/request-reader.js';
import { StanceKind } from '../../src/shared/enums.js';
import { Selection } from '../../src/shared/selection.js';
import { fetchedSources } from '../../src/sources/source.type.js';
import { stanceLookAhead } from '../../src/stances/stance-lookahead.js';
import { StanceRepository } from '../../src/stances/stance.repository.js';
import { createTestApp, query } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function counted(text: string, variables?: Record<string, unknown>): Promise<{ data: Record<string, any>; queries: number; transactions: number }> {
  let queries = 0;
  let transactions = 0;
  const stopQueries = app.executor.onQuery(() => (queries += 1));
  const stopTransactions = app.executor.onTransaction(() => (transactions += 1));
  try {
    return { data: await query(app, text, variables), queries, transactions };
  } finally {
    stopQueries();
    stopTransactions();
  }
}

const STANCE_FIELDS = `id kind date plover { event mode context } cameo status recordedAt retractedAt retractionReason actor { id name kind } position { id title type } meeting { id title date } evidence { quote source { id publisher } } sources { id publisher }`;

describe('look-ahead on stance lists', () => {
  it.each([3, 40])('the stance table with actor, position, meeting, sources and its total costs one query (page of %i)', async (limit) => {
    const { data, queries, transactions } = await counted(`query ($limit: Int) { stances(page: { limit: $limit }) { total items { ${STANCE_FIELDS} } } }`, {
      limit,
    });
    expect(data['stances'].items.length).toBeGreaterThan(2);
    // The rows and the total (from the count store) in one query: an auto-commit transaction,
    // no BEGIN before it, no ROLLBACK after.
    expect(queries).toBe(1);
    expect(transactions).toBe(1);
    const all = await query(app, `{ stances(page: { limit: 100 }) { items { id } } }`);
    expect(data['stances'].total).toBe(all['stances'].items.length);
  });

  it('counts the stance table only when the client asks for its total, in a second query when other filters narrow it', async () => {
    const asked = `{ stances(filter: { kinds: [PROPOSED] }, page: { limit: 20 }) { items { id } } }`;
    const { data, queries } = await counted(asked);
    expect(queries).toBe(1);
    const { data: totalled, queries: withTotal } = await counted(`{ stances(filter: { kinds: [PROPOSED] }, page: { limit: 20 }) { total items { id } } }`);
    expect(withTotal).toBe(1);
    expect(data['stances'].items).toEqual(totalled['stances'].items);
    expect(totalled['stances'].total).toBeGreaterThan(0);
    // A date range is counted by reading the matches: rows and count side by side.
    const dated = `{ stances(filter: { kinds: [PROPOSED], from: "2025-06-02", to: "2025-06-02" }, page: { limit: 50 }) { total items { id date } } }`;
    const { data: inRange, queries: rangeQueries } = await counted(dated);
    expect(rangeQueries).toBe(2);
    expect(inRange['stances'].total).toBe(inRange['stances'].items.length);
    expect(inRange['stances'].items.every((stance: { date: string }) => stance.date === '2025-06-02')).toBe(true);
  });

  it('answers the stance table as the loaders alone would (one stance at a time, no look-ahead)', async () => {
    const { data } = await counted(
      `{ stances(filter: { kinds: [REJECTED, PROPOSED], includeRetracted: true }, page: { limit: 12 }) { items { ${STANCE_FIELDS} } } }`,
    );
    const items = data['stances'].items as Array<{ id: string }>;
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      const one = await query(app, `query ($id: ID!) { stance(id: $id) { ${STANCE_FIELDS} } }`, { id: item.id });
      expect(item).toEqual(one['stance']);
    }
  });

  it('answers sources asked without quotes (a list of their own, no source ids) as the loaders do, in the order the stance cites them', async () => {
    const { data, queries } = await counted(
      `{ actor(id: "actor:russia") { proposed { id sources { publisher title } } agreedTo { id sources { publisher title } } } }`,
    );
    expect(queries).toBe(1);
    const stances = [...data['actor'].proposed, ...data['actor'].agreedTo] as Array<{ id: string; sources: unknown[] }>;
    // Some stance cites more than one source, so the order is put to the test.
    expect(stances.some((stance) => stance.sources.length > 1)).toBe(true);
    for (const stance of stances) {
      const one = await query(app, `query ($id: ID!) { stance(id: $id) { id sources { publisher title } } }`, { id: stance.id });
      expect(stance).toEqual(one['stance']);
    }
  });

  it('shows a cited source that is not in the graph as the loaders do, in the same query, with quotes asked or not', async () => {
    // A dangling source id cannot be written through the API; made here in a transaction that is rolled back.
    await app.executor.experiment(async (scope) => {
      const [cited] = await scope.runText(
        `MATCH (:Actor {id: 'actor:russia'})-[r:PROPOSED]->() WITH r ORDER BY r.id LIMIT 1
         SET r.sourceIds = r.sourceIds + 'source:not-in-the-graph', r.evidence = r.evidence + 'A quote.'
         RETURN r.id AS id, size(r.sourceIds) AS sources`,
      );
      const reader: Reader = { read: (name, params = {}, text) => (text ? scope.runText(text, params) : scope.run(name, params)) };
      const stances = new StanceRepository(reader);
      for (const selection of ['{ x { id sources { publisher } } }', '{ x { id evidence { quote source { publisher } } sources { publisher } } }']) {
        const parsed = parse(selection);
        const operation = parsed.definitions[0] as OperationDefinitionNode;
        const lookAhead = stanceLookAhead(Selection.of({ fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} }));
        const key = { id: 'actor:russia', kind: StanceKind.PROPOSED, includeRetracted: false, meetingId: null, lookAhead, window: { offset: 0, limit: 50 } };
        const [list] = await stances.ofActors([key], key.window, lookAhead);
        const stance = list?.find((item) => item.id === cited?.['id']);
        const sources = stance && fetchedSources(stance);
        // Answered from the query (no loader needed), every cited source, the missing one as the loaders show it.
        expect(sources?.length).toBe(cited?.['sources']);
        expect(sources?.at(-1)).toMatchObject({ id: 'source:not-in-the-graph', publisher: '(unknown source)' });
      }
    });
  });

  it('answers without the ids nothing asks for what it answers with them (the tuples then carry none)', async () => {
    const withoutIds = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutIds)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== 'id')
                .map(([key, item]) => [key, withoutIds(item)]),
            )
          : value;
    const shapes = [
      (ids: string) =>
        `{ stances(filter: { kinds: [REJECTED, PROPOSED] }, page: { limit: 20 }) { items { ${ids} kind date actor { ${ids} name } position { ${ids} title } evidence { quote source { ${ids} publisher } } } } }`,
      (ids: string) =>
        `{ actor(id: "actor:russia") { name proposed { ${ids} position { ${ids} title } sources { ${ids} publisher } } rejected { ${ids} date position { ${ids} title } } } }`,
      (ids: string) =>
        `{ position(id: "position:unconditional-30-day-ceasefire") { title rejectedBy { ${ids} actor { ${ids} name } meeting { ${ids} title } } } }`,
    ];
    // The stance tuples' heads as sent (`[r.id, type(r), a.id, p.id,` in the files).
    const sentHeads = async (text: string) => {
      const heads: string[] = [];
      const stop = app.executor.onQuery(({ text: sent }) =>
        heads.push(...(sent.match(/\[(r\.id|null), (type\(r\)|null), (a\.id|null), (p\.id|null),/g) ?? [])),
      );
      try {
        return { data: await query(app, text), heads };
      } finally {
        stop();
      }
    };
    for (const shape of shapes) {
      const { data: bare, heads: bareHeads } = await sentHeads(shape(''));
      const { data: withIds, heads: idHeads } = await sentHeads(shape('id'));
      // Without ids asked, no stance, actor or position id is read; asked, the stance's is.
      expect(bareHeads.length).toBeGreaterThan(0);
      for (const head of bareHeads) expect(head).toMatch(/^\[null, (type\(r\)|null), null, null,$/);
      for (const head of idHeads) expect(head.startsWith('[r.id,')).toBe(true);
      expect(JSON.stringify(bare)).not.toContain('"id"');
      expect(JSON.stringify(bare)).toMatch(/"(title|name)":"[^"]+".*"(title|name)":"[^"]+"/);
      expect(bare).toEqual(withoutIds(withIds));
    }
  });

  const ACTOR_FIELDS = 'id name kind aliases description wikidataId';

  it.each([2, 25])('an actor with three stance lists, positions and sources costs one query (lists of %i)', async (limit) => {
    const list = `(page: { limit: ${limit} }) { position { title } sources { publisher } evidence { quote } }`;
    const { data, queries, transactions } = await counted(`{ actor(id: "actor:russia") { ${ACTOR_FIELDS} proposed${list} rejected${list} agreedTo${list} } }`);
    expect(data['actor'].proposed.length + data['actor'].rejected.length).toBeGreaterThan(1);
    // The lists' query brings the actor along: no look-up of the actor on its own.
    expect(queries).toBe(1);
    // An auto-commit transaction: no BEGIN before it, no ROLLBACK after.
    expect(transactions).toBe(1);
    const alone = await query(app, `{ actor(id: "actor:russia") { ${ACTOR_FIELDS} } }`);
    const { proposed: _p, rejected: _r, agreedTo: _a, ...actor } = data['actor'];
    expect(actor).toEqual(alone['actor']);
  });

  it('an actor without stances of the asked kinds comes with its empty lists in the same query, and no actor answers null', async () => {
    const { data: all } = await counted(`{ actors(page: { limit: 100 }) { items { id proposed { id } rejected { id } agreedTo { id } considering { id } } } }`);
    const quiet = (all['actors'].items as Array<Record<string, unknown[]> & { id: string }>).find((item) =>
      ['proposed', 'rejected', 'agreedTo', 'considering'].every((field) => item[field]?.length === 0),
    );
    expect(quiet).toBeDefined();
    const { data, queries } = await counted(`query ($id: ID!) { actor(id: $id) { id name rejected { id } } }`, { id: quiet?.id });
    expect(data['actor']).toMatchObject({ id: quiet?.id, rejected: [] });
    expect(data['actor'].name).toEqual(expect.any(String));
    // Its row comes back with empty lists (stance-lists-of-actors.cypher): no look-up of its own.
    expect(queries).toBe(1);
    const { data: none } = await counted(`{ actor(id: "actor:nobody") { id rejected { id } } }`);
    expect(none['actor']).toBeNull();
  });

  it('lists asked alike by every parent (one query, a list per kind) answer what the batch query answers', async () => {
    // Fewer fields than STANCE_FIELDS, so that four lists of 25 actors stay within the cost limit.
    const fields = 'id kind date status actor { name } position { title } meeting { title } evidence { quote source { publisher } }';
    const lists = (args: string) =>
      `proposed${args} { ${fields} } rejected${args} { ${fields} } agreedTo${args} { ${fields} } considering${args} { ${fields} }`;
    const positionLists = (args: string) => `proposedBy${args} { ${fields} } rejectedBy${args} { ${fields} } agreedBy${args} { ${fields} }`;
    // The same arguments throughout: stance-lists-of-*.cypher. One more list under an alias,
    // with the same page but other filters, makes the batch mixed: find-stances-by-*.cypher.
    const cases = [
      { args: '(page: { limit: 6 })', other: '(includeRetracted: true, page: { limit: 6 })' },
      { args: '(includeRetracted: true, page: { limit: 2, offset: 1 })', other: '(page: { limit: 2, offset: 1 })' },
      { args: '(meetingId: "meeting:istanbul-2025-06-02", page: { limit: 6 })', other: '(page: { limit: 6 })' },
    ];
    const named = async (text: string) => {
      const names: string[] = [];
      const stop = app.executor.onQuery(({ queryName }) => names.push(queryName));
      try {
        return { data: await query(app, text), names };
      } finally {
        stop();
      }
    };
    const withoutOther = (items: Array<Record<string, unknown>>) => items.map(({ other: _other, ...item }) => item);
    for (const { args, other } of cases) {
      const actors = `{ actors(page: { limit: 25 }) { items { id ${lists(args)} EXTRA } } }`;
      const alike = await named(actors.replace('EXTRA', ''));
      const batch = await named(actors.replace('EXTRA', `other: considering${other} { id }`));
      expect(alike.names).toEqual(['actors/list-actors', 'stances/stance-lists-of-actors']);
      expect(batch.names).toEqual(['actors/list-actors', 'stances/find-stances-by-actors']);
      expect(alike.data['actors'].items).toEqual(withoutOther(batch.data['actors'].items));
      expect(alike.data['actors'].items.some((item: Record<string, unknown[]>) => item['proposed']?.length)).toBe(true);
      const positions = `{ positions(page: { limit: 25 }) { items { id ${positionLists(args)} EXTRA } } }`;
      const alikePositions = await named(positions.replace('EXTRA', ''));
      const batchPositions = await named(positions.replace('EXTRA', `other: consideredBy${other} { id }`));
      expect(alikePositions.names).toEqual(['positions/list-positions', 'stances/stance-lists-of-positions']);
      expect(batchPositions.names).toEqual(['positions/list-positions', 'stances/find-stances-by-positions']);
      expect(alikePositions.data['positions'].items).toEqual(withoutOther(batchPositions.data['positions'].items));
    }
  });

  it('a position with its stance lists costs one query and answers as position(id) alone', async () => {
    const fields = 'id title type topics summary';
    const { data, queries } = await counted(
      `{ position(id: "position:unconditional-30-day-ceasefire") { ${fields} proposedBy { actor { name } } rejectedBy { actor { name } } } }`,
    );
    expect(data['position'].proposedBy.length + data['position'].rejectedBy.length).toBeGreaterThan(0);
    expect(queries).toBe(1);
    const alone = await query(app, `{ position(id: "position:unconditional-30-day-ceasefire") { ${fields} } }`);
    const { proposedBy: _p, rejectedBy: _r, ...position } = data['position'];
    expect(position).toEqual(alone['position']);
  });

  it('a meeting with its stances, actors and positions costs two queries', async () => {
    const { data, queries } = await counted(`{ meeting(id: "meeting:istanbul-2025-06-02") { title stances { actor { name } position { title } } } }`);
    expect(data['meeting'].stances.length).toBeGreaterThan(0);
    expect(queries).toBe(2);
  });

  it('gives quotes to the alias that asks for them, whatever a sibling alias of the same list asked', async () => {
    const { data } = await counted(`{ actor(id: "actor:russia") { bare: proposed { id } quoted: proposed { id evidence { quote } } } }`);
    const { bare, quoted } = data['actor'] as { bare: Array<{ id: string }>; quoted: Array<{ id: string; evidence: Array<{ quote: string }> }> };
    expect(quoted.map((stance) => stance.id)).toEqual(bare.map((stance) => stance.id));
    expect(quoted.length).toBeGreaterThan(0);
    for (const stance of quoted) expect(stance.evidence.length).toBeGreaterThan(0);
  });
});

describe('only what is asked, on the positions page', () => {
  const FIELDS = 'id title type topics summary';

  it('answers evidence and sources, through fragments too, as position(id) does', async () => {
    const { data } = await counted(`{ positions(page: { limit: 40 }) { items { ${FIELDS} ...on Proposal { evidence { quote } } sources { publisher } } } }`);
    const items = data['positions'].items as Array<{ id: string; type: string; sources: unknown[]; evidence?: unknown[] }>;
    expect(items.some((item) => item.sources.length > 0)).toBe(true);
    for (const item of items) {
      const one = await query(app, `query ($id: ID!) { position(id: $id) { ${FIELDS} ...on Proposal { evidence { quote } } sources { publisher } } }`, {
        id: item.id,
      });
      expect(item).toEqual(one['position']);
    }
  });

  it('answers the summary when a fragment asks for it, as position(id) does, and the same page without it', async () => {
    const { data: viaFragment } = await counted(`{ positions(page: { limit: 40 }) { items { id ...Told } } } fragment Told on Position { summary }`);
    const { data: inline } = await counted(`{ positions(page: { limit: 40 }) { items { id ...on Demand { summary } } } }`);
    const { data: without } = await counted(`{ positions(page: { limit: 40 }) { items { id title } } }`);
    const items = viaFragment['positions'].items as Array<{ id: string; summary: string | null }>;
    expect(items.filter((item) => item.summary !== null).length).toBeGreaterThan(0);
    for (const item of items) {
      const one = await query(app, `query ($id: ID!) { position(id: $id) { __typename summary } }`, { id: item.id });
      expect(item.summary).toBe(one['position'].summary);
      const demand = (inline['positions'].items as Array<{ id: string; summary?: string | null }>).find((other) => other.id === item.id);
      expect(demand).toEqual(one['position'].__typename === 'Demand' ? item : { id: item.id });
    }
    expect((without['positions'].items as Array<{ id: string }>).map((item) => item.id)).toEqual(items.map((item) => item.id));
  });

  it('answers the same page without them', async () => {
    const { data: bare } = await counted(`{ positions(page: { limit: 40 }) { total items { ${FIELDS} } } }`);
    const { data: full } = await counted(`{ positions(page: { limit: 40 }) { total items { ${FIELDS} sources { id } } } }`);
    expect(bare['positions'].items).toEqual(full['positions'].items.map(({ sources: _sources, ...rest }: Record<string, unknown>) => rest));
    expect(bare['positions'].total).toBe(full['positions'].total);
  });
});

/**
 * The analyst's questions of the Istanbul talks, asked of the seeded real database through
 * the whole GraphQL pipeline, with the sourced answers the articles give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { toFullTextQuery } from '../../src/shared/text.js';
import { createTestApp, execute, query } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

const ids = <T extends { id: string }>(items: T[]) => items.map((item) => item.id).sort();

describe('who did what, according to whom', () => {
  it('Russia rejected the unconditional ceasefire, according to two sources', async () => {
    const data = await query(
      app,
      `query ($id: ID!) { position(id: $id) { __typename title rejectedBy { actor { id name } meeting { id } evidence { quote source { id publisher } } } } }`,
      { id: 'position:unconditional-30-day-ceasefire' },
    );
    expect(data.position.__typename).toBe('Proposal');
    expect(data.position.rejectedBy).toHaveLength(1);
    const [rejection] = data.position.rejectedBy;
    expect(rejection.actor).toEqual({ id: 'actor:russia', name: 'Russia' });
    expect(rejection.meeting).toEqual({ id: 'meeting:istanbul-2025-06-02' });
    expect(rejection.evidence.map((e: { source: { id: string } }) => e.source.id).sort()).toEqual([
      'source:central-asian-news-2025-06-02',
      'source:rbc-ukraine-2025-06-02',
    ]);
    expect(rejection.evidence.map((e: { quote: string }) => e.quote)).toContain(
      'Serhii Kyslytsia also added that they flatly refuse an unconditional ceasefire.',
    );
  });

  it('the same answer comes from the flat stances table, filtered by kind and position', async () => {
    const data = await query(
      app,
      `{ stances(filter: { kinds: [REJECTED], positionIds: ["position:unconditional-30-day-ceasefire"] }) { total items { id actor { id } sources { id } plover { event } cameo } } }`,
    );
    expect(data.stances.total).toBe(1);
    expect(data.stances.items[0]).toMatchObject({
      id: 'stance:russia-rejected-unconditional-30-day-ceasefire',
      actor: { id: 'actor:russia' },
      plover: { event: 'REJECT' },
    });
    expect(data.stances.items[0].sources).toHaveLength(2);
  });

  it('Medinsky proposed a 2–3 day ceasefire in parts of the front to recover bodies, as all five sources report', async () => {
    const data = await query(
      app,
      `{ actors(name: "medinsky") { total items { id proposed { position { id title topics } meeting { id } sources { id } } } } }`,
    );
    expect(data.actors.total).toBe(1);
    const [medinsky] = data.actors.items;
    expect(medinsky.id).toBe('actor:vladimir-medinsky');
    expect(medinsky.proposed.map((s: { position: { id: string } }) => s.position.id)).toEqual(['position:local-ceasefire-2-3-days-to-collect-bodies']);
    expect(medinsky.proposed[0].position.title).toMatch(/2.3.day ceasefire/i);
    expect(medinsky.proposed[0].position.topics).toContain('CEASEFIRE');
    expect(medinsky.proposed[0].sources).toHaveLength(5);
  });

  it("a member's stance counts for its state: Russia's proposals include Medinsky's", async () => {
    const withMembers = await query(
      app,
      `{ stances(filter: { kinds: [PROPOSED], actorIds: ["actor:russia"] }, page: { limit: 200 }) { items { position { id } actor { id } } } }`,
    );
    const positions = withMembers.stances.items.map((s: { position: { id: string } }) => s.position.id);
    expect(positions).toContain('position:local-ceasefire-2-3-days-to-collect-bodies');
    const without = await query(
      app,
      `{ stances(filter: { kinds: [PROPOSED], actorIds: ["actor:russia"], includeMembers: false }, page: { limit: 200 }) { items { actor { id } } } }`,
    );
    expect(new Set(without.stances.items.map((s: { actor: { id: string } }) => s.actor.id))).toEqual(new Set(['actor:russia']));
  });

  it('both sides agreed on 2 June to the exchanges, the medical commissions and further talks, with every source', async () => {
    const data = await query(
      app,
      `{ commonGround(actorIds: ["actor:russia", "actor:ukraine"], meetingId: "meeting:istanbul-2025-06-02") { id agreedBy { actor { id } meeting { id } evidence { source { id } } } } }`,
    );
    expect(ids(data.commonGround)).toEqual([
      'position:all-for-all-exchange-severely-wounded-and-young-soldiers',
      'position:bodies-exchange-6000-for-6000',
      'position:continue-discussions',
      'position:medical-commissions-and-regular-exchanges',
      'position:next-meeting-june-20-30',
    ]);
    const exchange = data.commonGround.find((p: { id: string }) => p.id === 'position:all-for-all-exchange-severely-wounded-and-young-soldiers');
    expect(exchange.agreedBy.map((s: { actor: { id: string } }) => s.actor.id).sort()).toEqual(['actor:russia', 'actor:ukraine']);
    for (const stance of exchange.agreedBy) expect(stance.evidence).toHaveLength(5);
  });

  it("common ground answers a position's summary, topics and evidence when asked, as the position itself does", async () => {
    const fields = `id summary topics evidence { quote source { id } }`;
    const data = await query(app, `{ commonGround(actorIds: ["actor:russia", "actor:ukraine"]) { ${fields} } }`);
    expect(data.commonGround.length).toBeGreaterThan(0);
    for (const found of data.commonGround) {
      const { position } = await query(app, `{ position(id: "${found.id}") { ${fields} } }`);
      expect(found).toEqual(position);
    }
    expect(data.commonGround.some((p: { summary: string | null }) => p.summary)).toBe(true);
    expect(data.commonGround.some((p: { topics: string[] }) => p.topics.length > 0)).toBe(true);
  });

  it("Russia's memorandum holds its ten demands", async () => {
    const data = await query(app, `{ document(id: "document:russian-memorandum-2025-06-02") { kind parts authors { id } positions { __typename id } } }`);
    expect(data.document.kind).toBe('MEMORANDUM');
    expect(data.document.parts).toBe(2);
    expect(data.document.authors).toEqual([{ id: 'actor:russia' }]);
    expect(new Set(data.document.positions.map((p: { __typename: string }) => p.__typename))).toEqual(new Set(['Demand']));
    expect(ids(data.document.positions)).toEqual(
      [
        'position:ban-on-redeployment-of-ukrainian-forces',
        'position:elections-before-peace-agreement',
        'position:end-western-arms-supplies',
        'position:halt-mobilization-and-demobilize',
        'position:lift-martial-law',
        'position:mutual-lifting-of-sanctions',
        'position:neutral-non-nuclear-status',
        'position:recognition-of-territories-as-russian',
        'position:un-security-council-approval-of-peace-agreement',
        'position:withdrawal-from-four-regions',
      ].sort(),
    );
  });

  it('where the sources disagree: each version with its source and quote', async () => {
    const data = await query(
      app,
      `{ disagreements(page: { limit: 100 }) { total items { id summary concerns { __typename } versions { claim quote source { id } } } } }`,
    );
    expect(data.disagreements.total).toBeGreaterThanOrEqual(4);
    for (const d of data.disagreements.items) expect(new Set(d.versions.map((v: { source: { id: string } }) => v.source.id)).size).toBeGreaterThanOrEqual(2);
    const length = data.disagreements.items.find((d: { id: string }) => d.id === 'disagreement:ukraine-ceasefire-duration');
    const rbc = length.versions.find((v: { source: { id: string } }) => v.source.id === 'source:rbc-ukraine-2025-06-02');
    expect(rbc.quote).toContain('extending it for three months');
    const third = data.disagreements.items.find((d: { id: string }) => d.id === 'disagreement:third-round-agreed');
    expect(third.versions.map((v: { source: { id: string } }) => v.source.id)).toEqual(
      expect.arrayContaining(['source:cgtn-2025-06-02', 'source:rbc-ukraine-2025-06-02']),
    );
  });

  it('disputes: what one side proposed and the other rejected', async () => {
    const data = await query(
      app,
      `{ disputes(actorIds: ["actor:russia", "actor:ukraine"]) { position { id } proposed { actor { id } } rejected { actor { id } } } }`,
    );
    const positions = data.disputes.map((d: { position: { id: string } }) => d.position.id);
    expect(positions).toEqual(
      expect.arrayContaining(['position:unconditional-30-day-ceasefire', 'position:withdrawal-from-four-regions', 'position:leaders-meeting']),
    );
  });

  it('connection: the path between two actors, as nodes and edge kinds', async () => {
    const data = await query(
      app,
      `{ connection(fromId: "actor:vladimir-medinsky", toId: "actor:rustem-umerov") { length nodes { id kind label } edges { type fromId toId } } }`,
    );
    expect(data.connection.length).toBeGreaterThan(0);
    const [path] = data.connection;
    expect(path.nodes[0].id).toBe('actor:vladimir-medinsky');
    expect(path.nodes.at(-1).id).toBe('actor:rustem-umerov');
    expect(path.edges).toHaveLength(path.length);
    expect(path.length).toBeLessThanOrEqual(3);
  });

  it('timeline: the two rounds and the stances in date order', async () => {
    const data = await query(app, `{ timeline(actorId: "actor:russia", topic: PRISONERS_AND_REMAINS) { kind date meeting { id } stance { id } } }`);
    const dates = data.timeline.map((e: { date: string | null }) => e.date).filter(Boolean);
    expect(dates).toEqual([...dates].sort());
    const meetings = data.timeline.filter((e: { kind: string }) => e.kind === 'MEETING').map((e: { meeting: { id: string } }) => e.meeting.id);
    expect(meetings).toEqual(['meeting:istanbul-2025-05-16', 'meeting:istanbul-2025-06-02']);
    expect(data.timeline.some((e: { stance: { id: string } | null }) => e.stance?.id === 'stance:russia-agreed_to-prisoner-exchange-1000-for-1000')).toBe(true);
  });

  it('meetings: the 2 June round in detail, and the proposed next meeting', async () => {
    const data = await query(
      app,
      `{ meeting(id: "meeting:istanbul-2025-06-02") { round date venue city status durationMinutes follows { id } attendance { role actor { id } } } meetings(status: PROPOSED, kinds: [ROUND]) { items { id } } }`,
    );
    expect(data.meeting).toMatchObject({
      round: 2,
      date: '2025-06-02',
      venue: 'Çırağan Palace',
      city: 'Istanbul',
      status: 'HELD',
      follows: { id: 'meeting:istanbul-2025-05-16' },
    });
    expect(data.meeting.attendance).toEqual(
      expect.arrayContaining([
        { role: 'CHAIR', actor: { id: 'actor:hakan-fidan' } },
        { role: 'HEAD', actor: { id: 'actor:vladimir-medinsky' } },
      ]),
    );
    expect(data.meetings.items).toEqual([{ id: 'meeting:proposed-2025-06-20-30' }]);
  });
});

describe('finding things', () => {
  it('matches names case- and accent-insensitively', async () => {
    const data = await query(
      app,
      `{ erdogan: actors(name: "RECEP TAYYIP ERDOGAN") { items { name } } turkiye: actors(name: "turkiye") { items { name } } palace: meetings(title: "ciragan") { items { id } } }`,
    );
    expect(data.erdogan.items).toEqual([{ name: 'Recep Tayyip Erdoğan' }]);
    expect(data.turkiye.items).toEqual([{ name: 'Türkiye' }]);
    expect(data.palace.items).toEqual([{ id: 'meeting:istanbul-2025-06-02' }]);
  });

  it('full-text search folds accents and finds stances by their evidence', async () => {
    const data = await query(
      app,
      `{ ciragan: search(text: "Ciragan") { kind item { ... on Meeting { id } } } frozen: search(text: "frozen bodies") { kind } }`,
    );
    expect(data.ciragan.map((h: { item: { id?: string } }) => h.item.id)).toContain('meeting:istanbul-2025-06-02');
    expect(data.frozen.map((h: { kind: string }) => h.kind)).toContain('Stance');
  });

  it('search reads the items only when asked for them, after cutting the best hits', async () => {
    const params = { query: toFullTextQuery('frozen bodies'), limit: 20 };
    const [bare, full] = await app.executor.experiment(async (scope) => [
      await scope.profile('search/search-text', { ...params, withItems: false }),
      await scope.profile('search/search-text', { ...params, withItems: true }),
    ]);
    expect(bare.rows.length).toBeGreaterThan(0);
    expect(bare.rows.map((row) => [row['labels'], row['score']])).toEqual(full.rows.map((row) => [row['labels'], row['score']]));
    expect(bare.rows.every((row) => row['item'] === null)).toBe(true);
    expect(full.rows.every((row) => row['item'] !== null)).toBe(true);
    expect(bare.dbHits).toBeLessThan(full.dbHits);
  });

  it('search answers the same hits whether or not it is asked for the items, and stance items in full', async () => {
    const bare = await query(app, `{ search(text: "frozen bodies") { score kind } }`);
    const full = await query(
      app,
      `{ search(text: "frozen bodies") { score kind item { ... on Stance { id kind actor { id } position { id } evidence { quote } } ... on Position { id title } } } }`,
    );
    expect(full.search.map((hit: { score: number; kind: string }) => ({ score: hit.score, kind: hit.kind }))).toEqual(bare.search);
    const stances = full.search.filter((hit: { kind: string }) => hit.kind === 'Stance').map((hit: { item: unknown }) => hit.item);
    expect(stances.length).toBeGreaterThan(0);
    for (const stance of stances) {
      expect(stance).toMatchObject({
        id: expect.stringMatching(/^stance:/),
        actor: { id: expect.stringMatching(/^actor:/) },
        position: { id: expect.any(String) },
      });
      expect(stance.evidence.some((record: { quote: string }) => /frozen|bodies/i.test(record.quote))).toBe(true);
    }
  });

  it('searches for query syntax instead of failing on it', async () => {
    const result = await execute(app, `{ search(text: "AND ( ceasefire") { score kind } }`);
    expect(result.errors).toBeUndefined();
    expect((result.data as { search: unknown[] }).search.length).toBeGreaterThan(0);
  });

  it('lists are bounded and say how many there are in total', async () => {
    const first = await query(app, `{ actors(page: { limit: 5 }) { total limit offset items { id } } }`);
    const second = await query(app, `{ actors(page: { limit: 5, offset: 5 }) { items { id } } }`);
    expect(first.actors).toMatchObject({ total: 25, limit: 5, offset: 0 });
    expect(first.actors.items).toHaveLength(5);
    expect(ids(first.actors.items).some((id) => ids(second.actors.items).includes(id))).toBe(false);
  });
});

describe('bad input', () => {
  it('unknown ids give null', async () => {
    const data = await query(
      app,
      `{ actor(id: "actor:nobody") { id } meeting(id: "nope") { id } position(id: "position:none") { id } stance(id: "stance:none") { id } }`,
    );
    expect(data).toEqual({ actor: null, meeting: null, position: null, stance: null });
  });

  it.each([
    [`{ stances(filter: { kinds: [AGREED] }) { total } }`, 'filter.kinds'],
    [`{ meetings(from: "2025-02-30") { total } }`, 'from'],
    [`{ actors(page: { limit: 500 }) { total } }`, 'page.limit'],
    [`{ stances(filter: { from: "2025-06-02", to: "2025-05-01" }) { total } }`, 'filter.to'],
    [`{ search(text: "x", limit: 0) { score } }`, 'limit'],
  ])('%s is BAD_USER_INPUT naming %s', async (text, argument) => {
    const result = await execute(app, text);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors?.[0]?.message).toContain(`"${argument}"`);
  });

  it('names the variable when a variable is bad', async () => {
    const result = await execute(app, `query ($kinds: [StanceKind!]) { stances(filter: { kinds: $kinds }) { total } }`, { kinds: ['NOPE'] });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('$kinds');
  });

  it('refuses too deep an operation before it reaches the database, saying by how much', async () => {
    let sent = 0;
    const stop = app.executor.onQuery(() => (sent += 1));
    const result = await execute(
      app,
      `{ actors { items { proposed { position { proposedBy { actor { proposed { position { proposedBy { actor { id } } } } } } } } } } }`,
    );
    stop();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 10 });
    expect(result.errors?.[0]?.message).toMatch(/depth 11 exceeds the depth limit of 10 by 1/);
    expect(sent).toBe(0);
  });

  it('refuses too costly an operation, saying by how much', async () => {
    const result = await execute(app, `{ stances(page: { limit: 200 }) { items { actor { proposed { position { rejectedBy { evidence { quote } } } } } } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 20000 });
    expect(result.errors?.[0]?.message).toMatch(/Query cost \d+ exceeds the cost limit of 20000 by \d+/);
  });
});

/**
 * Every example operation the playground offers (examples/operations.graphql) runs against
 * the seeded database without errors and answers with data, so the examples cannot rot.
 * Each runs twice: from the whole file by operationName, as a client pasting the file would,
 * and as the one-operation document the playground opens in a tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { type ExampleOperation, parseExampleOperations, readExampleOperations } from '../../src/web/example-operations.js';
import { createTestApp, execute, type GraphQLResult } from '../helpers/test-app.js';

const { text: fileText, examples } = readExampleOperations();
const byName = new Map(examples.map((example) => [example.name, example]));

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** True when a value holds something besides nulls and empty lists/objects. */
function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object') return Object.values(value).some(hasContent);
  return true;
}

async function run(name: string): Promise<Record<string, any>> {
  const result: GraphQLResult = await execute(app, fileText, undefined, name);
  expect(result.errors, `${name}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data as Record<string, any>;
}

describe('examples/operations.graphql', () => {
  it('holds the guided examples, each named, titled and described', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining(['WhoRejectedWhat', 'AgreedOnJune2', 'RussianMemorandum', 'SourcesDisagree', 'PathBetweenActors', 'Search']),
    );
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
    for (const example of examples) {
      // A comment above each operation gives the playground its title and description.
      expect(example.query.startsWith(`# ${example.title}\n`), example.name).toBe(true);
      expect(example.description, example.name).not.toBe('');
    }
  });

  it.each(examples.map((e) => [e.name, e] as [string, ExampleOperation]))(
    '%s runs without errors and returns data, from the file and as its own document',
    async (name, example) => {
      const fromFile = await run(name);
      expect(hasContent(fromFile), `${name} returned no data: ${JSON.stringify(fromFile)}`).toBe(true);
      for (const value of Object.values(fromFile)) expect(hasContent(value), `${name}: ${JSON.stringify(fromFile)}`).toBe(true);

      // The document the playground opens holds exactly this one operation.
      const alone = await execute(app, example.query);
      expect(alone.errors, JSON.stringify(alone.errors)).toBeUndefined();
      expect(alone.data).toEqual(fromFile);
    },
  );
});

describe('what the key examples answer', () => {
  it('WhatChangedBetweenRounds: the 1,000-for-1,000 exchange of round 1 is not repeated in round 2, with sources on both sides', async () => {
    const data = await run('WhatChangedBetweenRounds');
    const change = data.stanceChanges.changes.find(
      (c: { actor: { name: string }; position: { title: string } }) =>
        c.actor.name === 'Russia' && c.position.title === 'Exchange of 1,000 prisoners each (May 2025)',
    );
    expect(change).toMatchObject({ change: 'NOT_REPEATED', kindsBefore: ['AGREED_TO'], kindsAfter: [] });
    expect(change.before[0].sources).toEqual([{ publisher: 'TASS' }]);
    expect(data.stanceChanges.counts.new).toBeGreaterThan(0);
  });

  it('WhomRussiaAddressed: every stance listed names Ukraine as its target, with a quote', async () => {
    const data = await run('WhomRussiaAddressed');
    expect(data.stances.total).toBeGreaterThan(0);
    for (const stance of data.stances.items) {
      const ukraine = stance.targets.find((t: { actor: { name: string } }) => t.actor.name === 'Ukraine');
      expect(ukraine.evidence[0].quote).not.toBe('');
    }
  });
  it('WhoRejectedWhat: Russia rejected the unconditional ceasefire, with its sources quoted', async () => {
    const data = await run('WhoRejectedWhat');
    expect(data.stances.items.every((s: { kind: string }) => s.kind === 'REJECTED')).toBe(true);
    const rejection = data.stances.items.find((s: { id: string }) => s.id === 'stance:russia-rejected-unconditional-30-day-ceasefire');
    expect(rejection).toMatchObject({ actor: { id: 'actor:russia' }, position: { id: 'position:unconditional-30-day-ceasefire' } });
    expect(rejection.evidence.length).toBeGreaterThanOrEqual(1);
    expect(rejection.evidence[0].quote).not.toBe('');
  });

  it('AgreedOnJune2: agreements at the 2 June meeting, each with sources', async () => {
    const data = await run('AgreedOnJune2');
    expect(data.meeting).toMatchObject({ id: 'meeting:istanbul-2025-06-02', date: '2025-06-02', venue: 'Çırağan Palace' });
    const positions = data.stances.items.map((s: { position: { id: string } }) => s.position.id);
    expect(positions).toContain('position:bodies-exchange-6000-for-6000');
    expect(positions).toContain('position:next-meeting-june-20-30');
    for (const stance of data.stances.items) expect(stance.evidence.length, stance.id).toBeGreaterThan(0);
  });

  it("RussianMemorandum: Russia's memorandum with its demands, some rejected by Ukraine", async () => {
    const data = await run('RussianMemorandum');
    expect(data.document).toMatchObject({ id: 'document:russian-memorandum-2025-06-02', kind: 'MEMORANDUM', authors: [{ id: 'actor:russia' }] });
    const positions = data.document.positions.map((p: { id: string }) => p.id);
    expect(positions).toEqual(expect.arrayContaining(['position:withdrawal-from-four-regions', 'position:neutral-non-nuclear-status']));
    const rejectedBy = data.document.positions.flatMap((p: { rejectedBy: Array<{ actor: { name: string } }> }) => p.rejectedBy.map((s) => s.actor.name));
    expect(rejectedBy).toContain('Ukraine');
  });

  it('SourcesDisagree: each disagreement keeps two or more sourced versions', async () => {
    const data = await run('SourcesDisagree');
    expect(data.disagreements.total).toBeGreaterThan(0);
    for (const disagreement of data.disagreements.items) {
      expect(disagreement.versions.length, disagreement.id).toBeGreaterThanOrEqual(2);
      for (const version of disagreement.versions) expect(version.source.publisher).not.toBe('');
    }
  });

  it('PathBetweenActors: Medinsky and Umerov are connected, end to end', async () => {
    const data = await run('PathBetweenActors');
    expect(data.connection.length).toBeGreaterThan(0);
    for (const path of data.connection) {
      expect(path.nodes[0].id).toBe('actor:vladimir-medinsky');
      expect(path.nodes.at(-1).id).toBe('actor:rustem-umerov');
      expect(path.edges).toHaveLength(path.length);
    }
  });

  it('Search: "ceasefire" finds the ceasefire proposals first', async () => {
    const data = await run('Search');
    const ids = data.search.map((hit: { item: { id: string } }) => hit.item.id);
    expect(ids.slice(0, 5)).toContain('position:unconditional-30-day-ceasefire');
  });

  it('Search with another text, through the variables the playground lets users change', async () => {
    const result = await execute(app, byName.get('Search')!.query, { text: 'Ciragan' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['search'].map((hit: { item: { id: string } }) => hit.item.id)).toContain('meeting:istanbul-2025-06-02');
  });
});

describe('parseExampleOperations', () => {
  it('takes the title and description from the comment right above, and adds the fragments used', () => {
    const [first, second] = parseExampleOperations(
      [
        '# File header',
        '',
        '# Title one',
        '# More about it.',
        'query One { ...F }',
        '',
        'query Two { actors { total } }',
        '',
        'fragment F on Query { sources { total } }',
        '',
      ].join('\n'),
    );
    expect(first).toEqual({
      name: 'One',
      title: 'Title one',
      description: 'More about it.',
      query: '# Title one\n# More about it.\nquery One { ...F }\n\nfragment F on Query { sources { total } }\n',
    });
    expect(second).toMatchObject({ name: 'Two', title: 'Two', description: '', query: 'query Two { actors { total } }\n' });
  });

  it('refuses an anonymous operation, which could not be picked by name', () => {
    expect(() => parseExampleOperations('{ actors { total } }')).toThrow(/needs a name/);
  });
});

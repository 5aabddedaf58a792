/**
 * The pieces of a streamed import that need no database: reading JSON and JSON Lines item by
 * item with each item's place, and item-by-item validation with located problems. (The text
 * limits shared by the JSON Schema and the curation API are tests/unit/text-limits.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { checkItem, IdBook, ProblemList } from '../../src/import/item-check.js';
import { describeRate } from '../../src/import/progress.js';
import { fileSource, type SourceEvent } from '../../src/import/sources.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-import-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function events(path: string): Promise<SourceEvent[]> {
  const all: SourceEvent[] = [];
  for await (const group of fileSource(path).events()) all.push(...group);
  return all;
}

const actor = (n: number) => ({ id: `actor:a-${n}`, name: `A ${n}`, kind: 'STATE', evidence: [{ sourceId: 'source:s', quote: 'q' }] });

describe('streamed input', () => {
  it('hands over the items of a JSON file one by one, with their JSON paths and the header', async () => {
    const file = join(dir, 'set.json');
    writeFileSync(
      file,
      JSON.stringify({ formatVersion: 1, dataset: { id: 'dataset:d', title: 'T', description: 'D' }, actors: [actor(0), actor(1)], stances: [] }, null, 2),
    );
    const seen = await events(file);
    expect(seen.filter((e) => e.kind === 'item').map((e) => [e.kind === 'item' && e.section, e.where.path])).toEqual([
      ['actors', '$.actors[0]'],
      ['actors', '$.actors[1]'],
    ]);
    expect(seen.filter((e) => e.kind === 'header').map((e) => e.kind === 'header' && [e.key, e.value])).toEqual([
      ['formatVersion', 1],
      ['dataset', { id: 'dataset:d', title: 'T', description: 'D' }],
    ]);
  });

  it('reads JSON Lines with the line of each item, and reports a broken line where it is', async () => {
    const file = join(dir, 'set.jsonl');
    const lines = [
      JSON.stringify({ formatVersion: 1, dataset: { id: 'dataset:d', title: 'T', description: 'D' } }),
      JSON.stringify({ section: 'actors', item: actor(0) }),
      '',
      JSON.stringify({ section: 'actors', item: actor(1) }),
      '{"section": "actors", "item": ',
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const seen = await events(file);
    expect(seen.filter((e) => e.kind === 'item').map((e) => `${e.where.line} ${e.where.path}`)).toEqual(['2 $.actors[0]', '4 $.actors[1]']);
    expect(seen.find((e) => e.kind === 'broken')).toMatchObject({ where: { line: 5 }, message: expect.stringMatching(/^is not valid JSON/) });
  });

  it('reports a truncated JSON file as not valid JSON', async () => {
    const file = join(dir, 'cut.json');
    writeFileSync(file, '{"formatVersion": 1, "actors": [{"id": "actor:a-0"');
    expect((await events(file)).find((e) => e.kind === 'broken')).toMatchObject({ message: expect.stringMatching(/^is not valid JSON/) });
  });
});

describe('item-by-item validation', () => {
  it('locates a problem inside an item, and a duplicate id by its first place', () => {
    const problems = new ProblemList();
    const ids = new IdBook();
    const where = (i: number) => ({ file: 'f.jsonl', path: `$.actors[${i}]`, line: i + 2 });
    expect(checkItem(problems, 'actors', { ...actor(0), kind: 'PLANET' }, where(0))).toBe(false);
    expect(checkItem(problems, 'actors', actor(1), where(1))).toBe(true);
    ids.note(problems, 'actors', 1, actor(1), where(1));
    ids.note(problems, 'actors', 2, actor(1), where(2));
    ids.resolve(problems, new Map([['source:s', 'sources']]));
    expect(problems.list).toEqual([
      expect.objectContaining({
        file: 'f.jsonl',
        line: 2,
        path: '$.actors[0].kind',
        message: expect.stringMatching(/^must be equal to one of the allowed values/),
      }),
      { file: 'f.jsonl', line: 4, path: '$.actors[2].id', message: 'duplicate id "actor:a-1" (first at f.jsonl:3: $.actors[1])' },
    ]);
  });

  it('progress lines say items/s and an ETA', () => {
    expect(describeRate(5000, 2000, 0.25)).toBe('5,000 items, 2,500 items/s, 2.0 s, 25%, ETA 6 s');
  });
});

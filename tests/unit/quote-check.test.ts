import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { validateDatasets } from '../../src/seed/seed-validator.js';
import { attachSourceTexts } from '../../src/sources/dataset-texts.js';
import { locateQuote, nearestPassage, verifyQuotes } from '../../src/sources/quote-check.js';
import { sha256Of } from '../../src/sources/source-text.js';

const TEXT = 'The talks ended after an hour.\nMoscow’s envoy said Russia had “proposed” a truce. Kyiv said it would study the offer.';

describe('locateQuote', () => {
  it('finds a verbatim quote with offsets that slice back to it', () => {
    const quote = 'Kyiv said it would study the offer.';
    const span = locateQuote(TEXT, quote);
    expect(span).not.toBeNull();
    expect(TEXT.slice(span!.start, span!.end)).toBe(quote);
  });

  it('refuses anything not verbatim: straight for curly quote marks, or a changed word', () => {
    expect(locateQuote(TEXT, 'Russia had "proposed" a truce.')).toBeNull();
    expect(locateQuote(TEXT, 'Kyiv said it would consider the offer.')).toBeNull();
  });
});

describe('nearestPassage', () => {
  it('names the sentence nearest to a misquote', () => {
    const near = nearestPassage(TEXT, 'Kyiv said it would consider the offer.');
    expect(near?.passage).toBe('Kyiv said it would study the offer.');
    expect(near?.punctuationOnly).toBe(false);
  });

  it('says when only quote marks or dashes differ', () => {
    expect(nearestPassage(TEXT, 'Russia had "proposed" a truce.')?.punctuationOnly).toBe(true);
  });
});

describe('verifyQuotes', () => {
  it('checks only sources that have a text, and reports field, quote and nearest passage', () => {
    const problems = verifyQuotes(
      [
        { field: 'a', sourceId: 'source:with-text', quote: 'The talks ended after an hour.' },
        { field: 'b', sourceId: 'source:with-text', quote: 'The talks ended after two hours.' },
        { field: 'c', sourceId: 'source:no-text', quote: 'Anything at all.' },
      ],
      new Map([['source:with-text', TEXT]]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'b', nearestPassage: 'The talks ended after an hour.' });
    expect(problems[0]?.message).toContain('"The talks ended after two hours."');
  });
});

describe('source texts in dataset files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-texts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'next-to.txt'), 'Text next to the dataset.\r\n');
  writeFileSync(join(dir, 'sources', 'in-folder.txt'), 'Text in the sources folder.');

  const dataset = (sources: unknown[], stances: unknown[] = []) => ({
    formatVersion: 1,
    dataset: { id: 'dataset:texts', title: 'Texts', description: 'Sources with texts.' },
    sources,
    actors: [{ id: 'actor:a', name: 'A', kind: 'STATE', evidence: [{ sourceId: 'source:inline-2025-01-01', quote: 'A proposed talks.' }] }],
    positions: [
      {
        id: 'position:p',
        type: 'PROPOSAL',
        title: 'P',
        topics: ['PROCESS_FORMAT'],
        evidence: [{ sourceId: 'source:inline-2025-01-01', quote: 'A proposed talks.' }],
      },
    ],
    stances,
  });
  const source = (id: string, extra: Record<string, unknown>) => ({ id, publisher: 'P', title: 'T', ...extra });

  it('reads a file next to the dataset or in its sources/ folder, with line endings normalised', () => {
    const data = dataset([source('source:a-2025-01-01', { file: 'next-to.txt' }), source('source:b-2025-01-01', { file: 'in-folder.txt' })]);
    expect(attachSourceTexts(data, dir)).toEqual([]);
    expect(data.sources.map((s) => (s as { text?: string }).text)).toEqual(['Text next to the dataset.\n', 'Text in the sources folder.']);
  });

  it('reports a missing file, a path out of the folder and a sha256 that does not match', () => {
    const data = dataset([
      source('source:a-2025-01-01', { file: 'missing.txt' }),
      source('source:b-2025-01-01', { file: '../etc.txt' }),
      source('source:c-2025-01-01', { text: 'Some text.', sha256: sha256Of('Other text.') }),
    ]);
    const problems = attachSourceTexts(data, dir);
    expect(problems.map((p) => p.path)).toEqual(['$.sources[0].file', '$.sources[1].file', '$.sources[2].sha256']);
  });

  it('refuses a quote that is not in the inline text of its source, naming its path and the nearest passage', () => {
    const inline = source('source:inline-2025-01-01', { text: 'A proposed talks. B rejected them outright.' });
    const good = dataset([inline]);
    expect(validateDatasets([{ file: 'good.json', data: good }]).problems).toEqual([]);
    const bad = dataset(
      [inline],
      [
        {
          id: 'stance:b',
          kind: 'REJECTED',
          actorId: 'actor:a',
          positionId: 'position:p',
          evidence: [{ sourceId: 'source:inline-2025-01-01', quote: 'B rejected them.' }],
        },
      ],
    );
    const { problems } = validateDatasets([{ file: 'bad.json', data: bad }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('$.stances[0].evidence[0].quote');
    expect(problems[0]?.message).toContain('nearest passage is: "B rejected them outright."');
  });

  it('still accepts sources without any text (old files)', () => {
    const old = dataset([source('source:inline-2025-01-01', {})]);
    expect(validateDatasets([{ file: 'old.json', data: old }]).problems).toEqual([]);
  });
});

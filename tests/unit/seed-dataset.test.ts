/**
 * The seed is checked against the articles it was extracted from: every quote must occur
 * verbatim in the article of its source, so a fact can always be traced to its words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EvidenceEntry, SeedDataset } from '../../src/seed/seed-format.js';
import { readDatasets, SEED_DIR, seedFiles } from '../../src/seed/seed-loader.js';
import { validateDatasets } from '../../src/seed/seed-validator.js';

const { datasets, problems: readProblems } = readDatasets(seedFiles());

/** Every quote of a dataset with where it stands, e.g. "$.stances[3].evidence[0]". */
function quotesOf(data: SeedDataset): Array<{ path: string; sourceId: string; quote: string }> {
  const out: Array<{ path: string; sourceId: string; quote: string }> = [];
  const add = (path: string, evidence: EvidenceEntry[]) => evidence.forEach((e, i) => out.push({ path: `${path}.evidence[${i}]`, ...e }));
  for (const section of [
    'actors',
    'meetings',
    'positions',
    'documents',
    'stances',
    'stanceTargets',
    'attendance',
    'memberships',
    'meetingSequence',
    'authorship',
    'documentContents',
    'involvement',
  ] as const) {
    (data[section] ?? []).forEach((item, i) => add(`$.${section}[${i}]`, item.evidence));
  }
  (data.disagreements ?? []).forEach((d, i) =>
    d.versions.forEach((v, j) => out.push({ path: `$.disagreements[${i}].versions[${j}]`, sourceId: v.sourceId, quote: v.quote })),
  );
  return out;
}

describe('seed dataset', () => {
  it('is valid: schema, unique ids, references that resolve', () => {
    expect(readProblems).toEqual([]);
    expect(validateDatasets(datasets).problems).toEqual([]);
  });

  it('quotes every source verbatim from its article', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { file, data } of datasets) {
      const dataset = data as SeedDataset;
      const articles = new Map(
        (dataset.sources ?? []).filter((s) => s.file).map((s) => [s.id, readFileSync(join(SEED_DIR, 'sources', s.file as string), 'utf8')]),
      );
      for (const { path, sourceId, quote } of quotesOf(dataset)) {
        const article = articles.get(sourceId);
        if (article === undefined) continue; // a source without a stored text (e.g. added by an analyst)
        checked += 1;
        if (!article.includes(quote)) missing.push(`${file} ${path} (${sourceId}): "${quote}"`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('draws on all five articles and records where they disagree', () => {
    const data = datasets[0]?.data as SeedDataset;
    const cited = new Set(quotesOf(data).map((q) => q.sourceId));
    expect(data.sources).toHaveLength(5);
    for (const source of data.sources ?? []) expect(cited).toContain(source.id);
    expect((data.disagreements ?? []).length).toBeGreaterThanOrEqual(4);
    for (const d of data.disagreements ?? []) expect(new Set(d.versions.map((v) => v.sourceId)).size).toBeGreaterThanOrEqual(2);
  });
});

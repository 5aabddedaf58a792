/**
 * Source texts in dataset files: a source may carry its text inline (`text`) or name a file
 * (`file`) next to the dataset or in its `sources/` folder, as seed/ does. The file is read
 * when the dataset is read, so everything after (validation, quote checks, the write) sees
 * the text as if it had been inline. Old files without either keep working.
 */
import type { EvidenceEntry, SeedDataset } from '../shared/seed-format.js';
import { type QuoteToCheck, verifyQuotes } from '../write/quote-check.js';
import { normalizeSourceText, readSourceFile, resolveSourceFile, sha256Of, sourceTextProblem } from '../shared/source-text.js';
import { isRecord } from '../shared/row-values.js';

export interface TextProblem {
  path: string;
  message: string;
}

/**
 * Fills `text` from `file` for every source of a parsed (not yet validated) dataset that has a
 * file and no inline text, and checks inline texts and their `sha256`. Changes `data` in place.
 */
export function attachSourceTexts(data: unknown, datasetDir: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const sources = isRecord(data) && Array.isArray(data['sources']) ? (data['sources'] as unknown[]) : [];
  sources.forEach((source, i) => {
    if (!isRecord(source)) return;
    const path = `$.sources[${i}]`;
    const inline = source['text'];
    if (typeof inline === 'string') {
      const text = normalizeSourceText(inline);
      source['text'] = text;
      const problem = sourceTextProblem(text);
      if (problem) problems.push({ path: `${path}.text`, message: problem });
    } else if (typeof source['file'] === 'string') {
      const resolved = resolveSourceFile(datasetDir, source['file']);
      if ('problem' in resolved) return problems.push({ path: `${path}.file`, message: resolved.problem });
      const read = readSourceFile(resolved.path);
      if ('problem' in read) return problems.push({ path: `${path}.file`, message: read.problem });
      source['text'] = read.text;
    }
    if (typeof source['sha256'] === 'string' && typeof source['text'] === 'string' && source['sha256'] !== sha256Of(source['text'])) {
      problems.push({
        path: `${path}.sha256`,
        message: `does not match the text (its sha256 is ${sha256Of(source['text'])}); was the text changed after it was hashed?`,
      });
    }
    return undefined;
  });
  return problems;
}

/** Every quote of a dataset with where it stands, e.g. "$.stances[3].evidence[0].quote". */
export function datasetQuotes(data: SeedDataset): QuoteToCheck[] {
  const out: QuoteToCheck[] = [];
  const add = (path: string, evidence: readonly EvidenceEntry[]) =>
    evidence.forEach((e, i) => out.push({ field: `${path}.evidence[${i}].quote`, sourceId: e.sourceId, quote: e.quote }));
  for (const section of [
    'actors',
    'meetings',
    'positions',
    'documents',
    'stances',
    'attendance',
    'memberships',
    'meetingSequence',
    'authorship',
    'documentContents',
  ] as const) {
    (data[section] ?? []).forEach((item, i) => add(`$.${section}[${i}]`, item.evidence));
  }
  (data.disagreements ?? []).forEach((d, i) =>
    d.versions.forEach((v, j) => out.push({ field: `$.disagreements[${i}].versions[${j}].quote`, sourceId: v.sourceId, quote: v.quote })),
  );
  return out;
}

/**
 * Quotes that do not occur verbatim in their source's text, with paths, for datasets that
 * hold every source they quote (the seed loader's): texts come from the datasets themselves.
 * An import, which may quote sources already in the graph, checks them in src/import/quote-book.ts.
 */
export function checkDatasetQuotes(datasets: ReadonlyArray<{ file: string; data: SeedDataset }>): Array<{ file: string; path: string; message: string }> {
  const texts = new Map<string, string>();
  for (const { data } of datasets) for (const s of data.sources ?? []) if (typeof s.text === 'string') texts.set(s.id, s.text);
  return datasets.flatMap(({ file, data }) => verifyQuotes(datasetQuotes(data), texts).map((p) => ({ file, path: p.field, message: p.message })));
}

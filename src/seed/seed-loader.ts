/**
 * Loads dataset files into Neo4j: validate everything first (nothing is written when any
 * file has a problem), then write it all in ONE transaction with MERGE on ids, so loading
 * twice gives the same graph and a failure half-way writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { Executor, QueryRunner } from '../db/executor.js';
import { PROJECT_ROOT } from '../config/paths.js';
import type { Logger } from '../logging/logger.js';
import type { SeedDataset } from '../shared/seed-format.js';
import { sha256Of } from '../shared/source-text.js';
import { countNodes, writeDatasets } from '../write/dataset.repository.js';
import { lostQuoteMessage } from '../write/quote-check.js';
import { findQuotesLostByNewTexts } from '../write/write.repository.js';
import { attachSourceTexts } from './dataset-texts.js';
import { type NamedDataset, type SeedProblem, SeedValidationError, validateDatasets } from './seed-validator.js';

export const SEED_DIR = join(PROJECT_ROOT, 'seed');

/** The dataset files in seed/, in name order. */
export function seedFiles(dir = SEED_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads files as JSON; a file that is not JSON is reported as a problem, not thrown. */
export function readDatasets(files: string[]): { datasets: NamedDataset[]; problems: SeedProblem[] } {
  const datasets: NamedDataset[] = [];
  const problems: SeedProblem[] = [];
  for (const file of files) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      // A source's `file` is read now, so validation and the write see its text inline.
      for (const p of attachSourceTexts(data, dirname(file))) problems.push({ file: basename(file), ...p });
      datasets.push({ file: basename(file), data });
    } catch (error) {
      problems.push({ file: basename(file), path: '$', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { datasets, problems };
}

export interface LoadSummary {
  files: string[];
  counts: Record<string, number>;
}

/**
 * Validates and loads the given files (default: every seed/*.json) in one transaction.
 * Throws SeedValidationError listing every problem, before writing anything.
 */
export async function loadSeed(
  executor: Executor,
  options: { files?: string[]; recordedBy?: string; progress?: (line: string) => void } = {},
): Promise<LoadSummary> {
  const files = options.files ?? seedFiles();
  const read = readDatasets(files);
  const checked = validateDatasets(read.datasets);
  const problems = [...read.problems, ...checked.problems];
  if (problems.length > 0) throw new SeedValidationError(problems);
  const counts = await executor.writeTransaction('seed', async (scope) => {
    // In the same transaction as the write, so no quote can slip in between.
    const lost = await lostQuoteProblems(scope, checked.datasets);
    if (lost.length > 0) throw new SeedValidationError(lost);
    return writeDatasets(
      scope,
      checked.datasets.map((d) => d.data),
      options.recordedBy ?? 'seed',
      options.progress,
    );
  });
  return { files: files.map((f) => basename(f)), counts };
}

/** At most this many lost quotes are listed; the load is refused either way. */
const MAX_LOST_QUOTES = 1000;

/**
 * The seed gives a source a text, and the graph holds quotes from that source (added by
 * curators since, citing a text changed with setSourceText) that the seed's text lacks: the
 * same rule as setSourceText and imports. Quotes of items the seed itself gives again are
 * replaced by the seed's own (checked against its text by the validator), so they do not count.
 */
async function lostQuoteProblems(run: QueryRunner, datasets: ReadonlyArray<{ file: string; data: SeedDataset }>): Promise<SeedProblem[]> {
  const given: Array<{ id: string; sha256: string; text: string; file: string; path: string }> = [];
  const defined = new Set<string>();
  for (const { file, data } of datasets) {
    for (const list of Object.values(data)) {
      if (!Array.isArray(list)) continue;
      for (const item of list as Array<{ id?: unknown }>) if (typeof item?.id === 'string') defined.add(item.id);
    }
    (data.sources ?? []).forEach((source, i) => {
      if (typeof source.text === 'string') given.push({ id: source.id, sha256: sha256Of(source.text), text: source.text, file, path: `$.sources[${i}].text` });
    });
  }
  const lost = await findQuotesLostByNewTexts(
    run,
    given.map(({ id, sha256, text }) => ({ id, sha256, text })),
    MAX_LOST_QUOTES,
  );
  return lost
    .filter((q) => !defined.has(q.item))
    .map((q) => {
      const source = given.find((g) => g.id === q.sourceId) as (typeof given)[number];
      return { file: source.file, path: source.path, message: lostQuoteMessage(q.sourceId, q.item, q.quote, source.text, 'this file') };
    });
}

/** Loads the seed when the database holds no nodes at all (first start on a new database). */
export async function seedIfEmpty(executor: Executor, logger: Logger): Promise<void> {
  if ((await countNodes(executor)) > 0) return;
  logger.info('database is empty; loading the seed dataset');
  const summary = await loadSeed(executor);
  logger.info('seed loaded', { files: summary.files, counts: summary.counts });
}

/**
 * Loads dataset files into Neo4j: validate everything first (nothing is written when any
 * file has a problem), then write it all in ONE transaction with MERGE on ids, so loading
 * twice gives the same graph and a failure half-way writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { Executor } from '../db/executor.js';
import { PROJECT_ROOT } from '../config/paths.js';
import type { Logger } from '../logging/logger.js';
import { countNodes, writeDatasets } from '../write/dataset.repository.js';
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
  const counts = await executor.writeTransaction('seed', (scope) =>
    writeDatasets(
      scope,
      checked.datasets.map((d) => d.data),
      options.recordedBy ?? 'seed',
      options.progress,
    ),
  );
  return { files: files.map((f) => basename(f)), counts };
}

/** Loads the seed when the database holds no nodes at all (first start on a new database). */
export async function seedIfEmpty(executor: Executor, logger: Logger): Promise<void> {
  if ((await countNodes(executor)) > 0) return;
  logger.info('database is empty; loading the seed dataset');
  const summary = await loadSeed(executor);
  logger.info('seed loaded', { files: summary.files, counts: summary.counts });
}

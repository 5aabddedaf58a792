/**
 * Imports datasets in the seed format, from the `importDataset` mutation (one dataset, in
 * memory, bounded by the request size) or from files (`npm run import`, streamed). Both go
 * through the same pipeline (src/import/pipeline.ts, docs/imports.md): item-by-item
 * validation with every problem located, a comparison with the graph batch by batch, staged
 * writes invisible to readers until the commit point, then batched writes with one audit entry
 * per item really created or changed. Importing the same file twice writes nothing the second
 * time: no timestamps bumped, no audit entries.
 */
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Executor } from '../db/executor.js';
import { ImportProblems, runImport, type PipelineOptions } from '../import/pipeline.js';
import { fileSource, objectSource } from '../import/sources.js';
import type { NamedDataset, SeedProblem } from '../seed/seed-validator.js';
import { formatProblem } from '../seed/seed-validator.js';
import type { ImportReport } from './import.type.js';

export type ImportOptions = PipelineOptions;

/** The input has problems; nothing was written. Carries every problem with its place. */
export class ImportValidationError extends AppError {
  constructor(
    readonly problems: SeedProblem[],
    readonly total = problems.length,
  ) {
    const more = total > problems.length ? `\n  ... and ${total - problems.length} more` : '';
    super(
      ErrorCode.BAD_USER_INPUT,
      `Argument "dataset" has ${total} problem${total === 1 ? '' : 's'}; nothing was written:\n${problems.map(formatProblem).join('\n')}${more}`,
      { argument: 'dataset', problems, problemCount: total },
    );
  }
}

async function translated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ImportProblems) throw new ImportValidationError(error.problems, error.total);
    throw error;
  }
}

const API_BATCH_SIZE = 20_000;

/**
 * Datasets already in memory (the GraphQL mutation). A request is at most 1 MB (app.ts), far
 * below one batch of 20,000 items, so an API import is always applied in one transaction.
 */
export function importDatasets(executor: Executor, named: NamedDataset[], options: ImportOptions): Promise<ImportReport> {
  return translated(
    runImport(
      executor,
      named.map((d) => objectSource(d.file, d.data)),
      { batchSize: API_BATCH_SIZE, ...options },
    ),
  );
}

/** Files, read as streams: .json in the seed format, .jsonl/.ndjson as JSON Lines. */
export function importFiles(executor: Executor, paths: string[], options: ImportOptions): Promise<ImportReport> {
  return translated(runImport(executor, paths.map(fileSource), options));
}

/**
 * The write-path side of quote checking: inside a write transaction, reads the stored texts
 * of the sources an input quotes and refuses the write (BAD_USER_INPUT, one problem per
 * quote, each with the nearest passage) when a quote is not in its source's text. Called by
 * every curation mutation that writes evidence; the import checks datasets the same way
 * through `validateDatasets`.
 */
import type { Params, Row } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { type QuoteProblem, type QuoteToCheck, verifyQuotes } from './quote-check.js';

/** Anything that runs a named query: a write transaction's scope or a read runner. */
export interface QueryRunner {
  run(queryName: string, params?: Params): Promise<Row[]>;
}

/** The stored texts of the given sources, by id; sources without text are absent. */
export async function findSourceTexts(run: QueryRunner, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await run.run('sources/find-source-texts', { ids: unique });
  return new Map(rows.map((row) => [String(row['id']), String(row['text'])]));
}

/** The error for quotes not found in their sources; `problems` carries each with its nearest passage. */
export function quoteError(problems: readonly QuoteProblem[]): AppError {
  const [first] = problems;
  const message =
    problems.length === 1 && first
      ? `Argument "${first.field}" ${first.message}`
      : `${problems.length} quotes do not occur verbatim in their sources: ${problems.map((p) => `"${p.field}" ${p.message}`).join('; ')}`;
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { argument: first?.field, problems });
}

/** Throws when a quote does not occur verbatim in the stored text of its source. */
export async function refuseQuotesNotInSources(run: QueryRunner, quotes: readonly QuoteToCheck[]): Promise<void> {
  if (quotes.length === 0) return;
  const texts = await findSourceTexts(
    run,
    quotes.map((q) => q.sourceId),
  );
  const problems = verifyQuotes(quotes, texts);
  if (problems.length > 0) throw quoteError(problems);
}

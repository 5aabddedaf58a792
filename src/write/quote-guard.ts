/**
 * The write-path side of quote checking: inside a write transaction, reads the stored texts
 * of the sources an input quotes and refuses the write (BAD_USER_INPUT, one problem per
 * quote, each with the nearest passage) when a quote is not in its source's text. Called by
 * every curation mutation that writes evidence; the import checks its quotes (and the stored
 * quotes a new source text must keep) in src/import/quote-book.ts.
 */
import type { QueryRunner } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { type QuoteProblem, type QuoteToCheck, verifyQuotes } from './quote-check.js';
import { findSourceTexts } from './write.repository.js';

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

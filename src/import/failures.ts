/**
 * Honest errors for imports: when Neo4j refuses a batch for lack of memory, for its size or
 * for time, say so, say what was and was not written, and what to change (batch size, heap,
 * timeout). These are never retried automatically: the same batch would fail the same way.
 */
import { AppError, ErrorCode } from '../errors/errors.js';

export interface FailureContext {
  /** "staging", "applying" ... */
  phase: string;
  /** e.g. "stances batch 12 (5,000 rows)" */
  what: string;
  /** What the graph holds now, in words. */
  state: string;
  batchSize: number;
}

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** An AppError that tells what happened, or the error unchanged when it is not a known kind. */
export function explainFailure(error: unknown, context: FailureContext): unknown {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  const where = `while ${context.phase} ${context.what}`;
  if (/MemoryPoolOutOfMemoryError|OutOfMemoryError/.test(code)) {
    return new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `Neo4j ran out of transaction memory ${where} (${code}). ${context.state} ` +
        `Import with a smaller batch (--batch-size ${Math.max(100, Math.floor(context.batchSize / 4))}) or give Neo4j more heap (NEO4J_LOCAL_HEAP, e.g. 2g). Not retried automatically: the same batch would fail the same way.`,
    );
  }
  if (/TransactionTimedOut|Transaction\.TransactionTimedOutClientConfiguration/.test(code)) {
    return new AppError(
      ErrorCode.QUERY_TIMEOUT,
      `A transaction took longer than its time limit ${where} (${code}). ${context.state} ` +
        `Import with a smaller batch (--batch-size) or a longer limit (NEO4J_TRANSACTION_TIMEOUT_MS). Not retried automatically.`,
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.')) {
    return new AppError(ErrorCode.DATABASE_UNAVAILABLE, `Neo4j could not be reached or gave up ${where} (${code}). ${context.state}`);
  }
  return error;
}

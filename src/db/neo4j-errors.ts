/**
 * Neo4j failures as the service's error codes, by their status `code`, never by message text;
 * and a short operator-facing description for the health check.
 */
import { Neo4jError } from 'neo4j-driver';

import { AppError, ErrorCode } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';

/** Maps a Neo4j status code (e.g. "Neo.ClientError.Schema.ConstraintValidationFailed") to ours. */
export function mapNeo4jCode(code: string): ErrorCode | undefined {
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return ErrorCode.DATABASE_UNAVAILABLE;
  // The driver's own errors carry no server code ("N/A"): a connection-pool acquisition that
  // timed out, a connection lost or refused while Neo4j starts up or shuts down. All of them
  // mean the database cannot serve right now.
  if (code === 'N/A') return ErrorCode.DATABASE_UNAVAILABLE;
  if (code.startsWith('Neo.TransientError.')) return ErrorCode.DATABASE_UNAVAILABLE;
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return ErrorCode.DATABASE_UNAVAILABLE;
  // The service's own credentials were refused: the database is unusable for every client.
  if (code.startsWith('Neo.ClientError.Security.')) return ErrorCode.DATABASE_UNAVAILABLE;
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return ErrorCode.QUERY_TIMEOUT;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return ErrorCode.CONFLICT;
  // Only a client's Bookmark header brings bookmarks the database did not issue.
  if (code === 'Neo.ClientError.Transaction.InvalidBookmark' || code === 'Neo.ClientError.Transaction.InvalidBookmarkMixture') return ErrorCode.BAD_USER_INPUT;
  return undefined;
}

export function describeFailure(error: unknown): string {
  if (error instanceof Neo4jError) {
    if (error.code.startsWith('Neo.ClientError.Security.')) return `Neo4j refused the credentials (${error.code})`;
    if (error.code === 'ServiceUnavailable') return 'Neo4j is not reachable';
    return `Neo4j error ${error.code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure of a query as the client should see it: Neo4j's errors by their code as the
 * service's (with a message that says what to do), anything else unchanged. Each mapped
 * Neo4j error is logged with its query's label.
 */
export function toAppError(error: unknown, label: string, transactionTimeoutMs: number, logger: Logger): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  const code = mapNeo4jCode(error.code);
  logger.warn('neo4j error', { query: label, neo4jCode: error.code, mappedTo: code ?? 'INTERNAL_SERVER_ERROR' });
  switch (code) {
    case ErrorCode.DATABASE_UNAVAILABLE:
      return new AppError(code, 'The database is unavailable right now; try again shortly.');
    case ErrorCode.QUERY_TIMEOUT:
      return new AppError(code, `The query took longer than the ${transactionTimeoutMs} ms limit and was stopped.`);
    case ErrorCode.CONFLICT:
      return new AppError(code, 'That would create a duplicate: an item with the same id already exists.');
    case ErrorCode.BAD_USER_INPUT:
      return new AppError(
        code,
        'The Bookmark header does not hold a bookmark this database issued; send the extensions.bookmark of an earlier answer, or no header.',
        { argument: 'Bookmark' },
      );
    case undefined:
      return error;
    default:
      return new AppError(code, error.message);
  }
}

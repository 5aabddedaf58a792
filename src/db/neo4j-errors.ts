/**
 * Neo4j failures as the service's error codes, by their status `code`, never by message text;
 * and a short operator-facing description for the health check.
 */
import { Neo4jError } from 'neo4j-driver';

import { ErrorCode } from '../errors/errors.js';

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

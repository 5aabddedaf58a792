/**
 * The one module that talks to Neo4j. Repositories hand it the name of a `.cypher` file and
 * parameters; it runs them in a managed read or write transaction with a timeout and
 * metadata, converts the records to plain values, and maps Neo4j failures to error codes by
 * their `code`, never by message text.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, isDate, isDateTime, isLocalDateTime, isDuration, isLocalTime, isTime } from 'neo4j-driver';

import type { AppConfig } from '../config/config.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { cypherText } from './cypher-files.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** A write transaction that several repository calls share, so they commit or fail together. */
export interface WriteScope {
  run(queryName: string, params?: Params): Promise<Row[]>;
}

export type QueryListener = (event: { queryName: string; mode: 'READ' | 'WRITE' }) => void;

export class Executor {
  private readonly driver: Driver;
  private readonly listeners = new Set<QueryListener>();

  constructor(
    private readonly config: AppConfig['neo4j'],
    private readonly logger: Logger,
  ) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      // Integers in this graph (rounds, pages, counts) are far below 2^53.
      disableLosslessIntegers: true,
      connectionTimeout: config.connectionTimeoutMs,
      connectionAcquisitionTimeout: config.connectionTimeoutMs,
      // Managed transactions retry transient failures; bound that so a dead database gives a
      // prompt DATABASE_UNAVAILABLE instead of a hung request.
      maxTransactionRetryTime: config.connectionTimeoutMs,
      userAgent: 'negotiation-graph/0.1',
    });
  }

  /** Observes every query sent (tests count round trips with it). Returns an unsubscribe. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async read(queryName: string, params: Params = {}): Promise<Row[]> {
    return this.transaction('READ', queryName, (tx) => runOn(tx, queryName, params, this.notify('READ')));
  }

  async write(queryName: string, params: Params = {}): Promise<Row[]> {
    return this.transaction('WRITE', queryName, (tx) => runOn(tx, queryName, params, this.notify('WRITE')));
  }

  /** Runs several writes in one transaction: all of them commit, or none does. */
  async writeTransaction<T>(label: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    const notify = this.notify('WRITE');
    return this.transaction('WRITE', label, (tx) => work({ run: (name, params = {}) => runOn(tx, name, params, notify) }));
  }

  /**
   * Runs several writes in one transaction that is never retried: for import batches, where
   * a memory or size failure would only fail again, and a retry would hide what happened.
   * Neo4j's own errors are thrown as they are (with their `code`), for the caller to explain.
   */
  async writeTransactionOnce<T>(label: string, work: (scope: WriteScope) => Promise<T>, timeoutMs?: number): Promise<T> {
    const notify = this.notify('WRITE');
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const tx = session.beginTransaction({ timeout: timeoutMs ?? this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: label } });
      try {
        const result = await work({ run: (name, params = {}) => runOn(tx, name, params, notify) });
        await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw error;
      }
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Runs a raw statement; only for schema setup and the EXPLAIN test, never with user text. */
  async runStatement(statement: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'WRITE'): Promise<Row[]> {
    return this.transaction(mode, 'statement', async (tx) =>
      (await tx.run(statement, toNeo4jParams(params) as Params)).records.map((r) => toPlain(r.toObject()) as Row),
    );
  }

  /** Resolves undefined when the database answers, or a short reason when it does not. */
  async ping(timeoutMs = 2000): Promise<string | undefined> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([session.run('RETURN 1', {}, { timeout: timeoutMs }), timeout]);
      return undefined;
    } catch (error) {
      return describeFailure(error);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private notify(mode: 'READ' | 'WRITE') {
    return (queryName: string) => {
      for (const listener of this.listeners) listener({ queryName, mode });
    };
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', label: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const txConfig = { timeout: this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: label } };
    try {
      return mode === 'READ' ? await session.executeRead(work, txConfig) : await session.executeWrite(work, txConfig);
    } catch (error) {
      throw this.mapError(error, label);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private mapError(error: unknown, label: string): unknown {
    if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
    const code = mapNeo4jCode(error.code);
    this.logger.warn('neo4j error', { query: label, neo4jCode: error.code, mappedTo: code ?? 'INTERNAL_SERVER_ERROR' });
    switch (code) {
      case ErrorCode.DATABASE_UNAVAILABLE:
        return new AppError(code, 'The database is unavailable right now; try again shortly.');
      case ErrorCode.QUERY_TIMEOUT:
        return new AppError(code, `The query took longer than the ${this.config.transactionTimeoutMs} ms limit and was stopped.`);
      case ErrorCode.CONFLICT:
        return new AppError(code, 'That would create a duplicate: an item with the same id already exists.');
      case undefined:
        return error;
      default:
        return new AppError(code, error.message);
    }
  }

  /**
   * Runs a read and hands each record to `onRow` as it arrives, for exports that must not hold
   * the whole graph in memory. Records are pulled as `onRow` settles: while it awaits (a slow
   * HTTP client), the driver pauses the stream, so memory stays flat however large the result.
   * Resolves to the number of rows delivered. The transaction timeout covers the whole stream,
   * slow readers included.
   */
  async stream(queryName: string, params: Params, onRow: (row: Row) => void | Promise<void>): Promise<number> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    const txConfig = { timeout: this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: queryName } };
    let delivered = 0;
    let interrupted: unknown;
    try {
      await session.executeRead(async (tx) => {
        this.notify('READ')(queryName);
        try {
          for await (const record of tx.run(cypherText(queryName), toNeo4jParams(params) as Params)) {
            await onRow(toPlain(record.toObject()) as Row);
            delivered += 1;
          }
        } catch (error) {
          if (delivered === 0) throw error;
          // A managed transaction retries transient failures from the start, which would send
          // the rows already delivered a second time: fail instead, and report the real cause.
          interrupted = error;
          throw new Error(`stream of ${queryName} interrupted after ${delivered} rows`);
        }
      }, txConfig);
      return delivered;
    } catch (error) {
      throw this.mapError(interrupted ?? error, queryName);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

async function runOn(tx: Pick<ManagedTransaction, 'run'>, queryName: string, params: Params, notify: (name: string) => void): Promise<Row[]> {
  notify(queryName);
  const result = await tx.run(cypherText(queryName), toNeo4jParams(params) as Params);
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** Maps a Neo4j status code (e.g. "Neo.ClientError.Schema.ConstraintValidationFailed") to ours. */
export function mapNeo4jCode(code: string): ErrorCode | undefined {
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return ErrorCode.DATABASE_UNAVAILABLE;
  if (code.startsWith('Neo.TransientError.')) return ErrorCode.DATABASE_UNAVAILABLE;
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return ErrorCode.DATABASE_UNAVAILABLE;
  // The service's own credentials were refused: the database is unusable for every client.
  if (code.startsWith('Neo.ClientError.Security.')) return ErrorCode.DATABASE_UNAVAILABLE;
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return ErrorCode.QUERY_TIMEOUT;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return ErrorCode.CONFLICT;
  return undefined;
}

function describeFailure(error: unknown): string {
  if (error instanceof Neo4jError) {
    if (error.code.startsWith('Neo.ClientError.Security.')) return `Neo4j refused the credentials (${error.code})`;
    if (error.code === 'ServiceUnavailable') return 'Neo4j is not reachable';
    return `Neo4j error ${error.code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * JavaScript has one number type; Cypher tells integers from floats and LIMIT, SKIP and list
 * slices need integers. This graph stores no fractional numbers, so whole numbers go as
 * integers.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNeo4jParams(inner)]));
  }
  return value;
}

/** Neo4j values to plain JSON-friendly values: temporals become ISO strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  // Instants as ISO 8601 in UTC with milliseconds (Neo4j would print nanoseconds).
  if (isDateTime(value)) return value.toStandardDate().toISOString();
  if (isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

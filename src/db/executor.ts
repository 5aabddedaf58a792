/**
 * The one module that talks to Neo4j. Repositories hand it the name of a `.cypher` file and
 * parameters; it runs them in a managed read or write transaction with a timeout and
 * metadata, converts the records to plain values, and maps Neo4j failures to error codes by
 * their `code`, never by message text.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';

import type { AppConfig } from '../config/config.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { cypherText } from './cypher-files.js';
import { openDriver } from './driver.js';
import { ParallelLimit } from './parallel-limit.js';
import { type ExperimentScope, runExperiment } from './experiment.js';
import { describeFailure, toAppError } from './neo4j-errors.js';
import { RequestReader } from './request-reader.js';
import { toNeo4jParams, toPlain } from './values.js';

export type { Params, QueryListener, QueryRunner, Row, TransactionListener } from './query-types.js';
import type { Params, QueryListener, QueryRunner, Row, TransactionListener } from './query-types.js';

export class Executor {
  private readonly driver: Driver;
  private readonly listeners = new Set<QueryListener>();
  /** Set on a request's view (forRequest): bounds its transactions in flight. */
  private parallel: ParallelLimit | null = null;
  /** Set on a request's view: no transaction of it starts after this (Date.now() ms). */
  private deadline: { at: number; timeoutMs: number } | null = null;
  /** Set on the per-request copy that withBookmarks makes; undefined on the shared executor. */
  private bookmarks: BookmarkManager | undefined;
  private wrote = false;
  private readonly transactionListeners = new Set<TransactionListener>();

  constructor(
    private readonly config: AppConfig['neo4j'],
    private readonly logger: Logger,
  ) {
    this.driver = openDriver(config);
  }

  /**
   * A view of this executor for one request: the same driver and pool, but at most
   * `maxParallel` of the request's transactions run at once and the rest wait their turn, so
   * one request (500 aliased fields) cannot take the whole connection pool from the others;
   * and its transactions start only once the database has applied the given bookmarks (a
   * write the client made, maybe through another API replica, so it reads its own writes from
   * any cluster member), each write it commits advancing them. One view, fields set in one
   * order: a view of a view (a fresh prototype per request) cost V8 about 30 µs per request.
   */
  forRequest(maxParallel: number, timeoutMs?: number, bookmarks: readonly string[] = []): Executor {
    const view = Object.create(this) as Executor;
    view.parallel = new ParallelLimit(maxParallel);
    // Its queued transactions must not outlive the request's wall-time bound, which is only
    // checked as each field starts (they all start at once, then wait here for a turn).
    view.deadline = timeoutMs === undefined ? null : { at: Date.now() + timeoutMs, timeoutMs };
    view.bookmarks = neo4j.bookmarkManager({ initialBookmarks: [...bookmarks] });
    view.wrote = false;
    return view;
  }

  /**
   * This executor after the given bookmarks, without a request's bounds (the exports): its
   * transactions start once the database has applied them, and each write advances them.
   * The copy shares the driver and listeners; only the bookmarks are its own.
   */
  withBookmarks(bookmarks: readonly string[]): Executor {
    const scoped = Object.create(this) as Executor;
    scoped.bookmarks = neo4j.bookmarkManager({ initialBookmarks: [...bookmarks] });
    scoped.wrote = false;
    return scoped;
  }

  /** After a write committed through withBookmarks' copy: the bookmarks to read it; else null. */
  async bookmarksAfterWrites(): Promise<string[] | null> {
    if (!this.wrote || !this.bookmarks) return null;
    return [...(await this.bookmarks.getBookmarks())];
  }

  /** Observes every query sent (tests count round trips with it). Returns an unsubscribe. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Observes every transaction begun (tests count a request's transactions with it). */
  onTransaction(listener: TransactionListener): () => void {
    this.transactionListeners.add(listener);
    return () => this.transactionListeners.delete(listener);
  }

  async read(queryName: string, params: Params = {}, text?: string): Promise<Row[]> {
    return this.transaction('READ', queryName, (tx) => runOn(tx, queryName, params, this.notify('READ'), text));
  }

  /** The reads of one GraphQL request (auto-commit queries on reused sessions); close it when the request ends. */
  requestReader(): RequestReader {
    return new RequestReader({
      // After the request's bookmarks (withBookmarks), so it reads the client's own writes.
      openSession: () =>
        this.driver.session({
          database: this.config.database,
          defaultAccessMode: neo4j.session.READ,
          ...(this.bookmarks ? { bookmarkManager: this.bookmarks } : {}),
        }),
      txConfig: { timeout: this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: 'graphql-request' } },
      mapError: (error, label) => this.mapError(error, label),
      notify: this.notify('READ'),
      notifyBegin: () => this.notifyBegin({ label: 'graphql-request', mode: 'READ' }),
      toParams: (params) => toNeo4jParams(params) as Params,
      toRow: (record) => toPlain(record) as Row,
      checkDeadline: () => this.checkDeadline(),
      schedule: (task) => (this.parallel ? this.parallel.run(task) : task()),
    });
  }

  /** Runs `work` in a write transaction that is always rolled back (see experiment.ts). */
  async experiment<T>(work: (scope: ExperimentScope) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    return runExperiment(session, { toParams: (params) => toNeo4jParams(params) as Params, toRow: (record) => toPlain(record) as Row }, work);
  }

  async write(queryName: string, params: Params = {}): Promise<Row[]> {
    return this.transaction('WRITE', queryName, (tx) => runOn(tx, queryName, params, this.notify('WRITE')));
  }

  /** Runs several writes in one transaction: all of them commit, or none does. */
  async writeTransaction<T>(label: string, work: (scope: QueryRunner) => Promise<T>): Promise<T> {
    const notify = this.notify('WRITE');
    return this.transaction('WRITE', label, (tx) => work({ run: (name, params = {}) => runOn(tx, name, params, notify) }));
  }

  /**
   * Runs several writes in one transaction that is never retried: for import batches, where
   * a memory or size failure would only fail again, and a retry would hide what happened.
   * Neo4j's own errors are thrown as they are (with their `code`), for the caller to explain.
   * Like every write, it joins the request's bookmarks (withBookmarks): the bookmark an import
   * answers with covers the import's own commit.
   */
  async writeTransactionOnce<T>(label: string, work: (scope: QueryRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const notify = this.notify('WRITE');
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: neo4j.session.WRITE,
      ...(this.bookmarks ? { bookmarkManager: this.bookmarks } : {}),
    });
    try {
      const tx = session.beginTransaction({ timeout: timeoutMs ?? this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: label } });
      try {
        const result = await work({ run: (name, params = {}) => runOn(tx, name, params, notify) });
        await tx.commit();
        this.wrote = true;
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
    return (queryName: string, text: string) => {
      for (const listener of this.listeners) listener({ queryName, mode, text });
    };
  }

  private notifyBegin(event: { label: string; mode: 'READ' | 'WRITE' }): void {
    for (const listener of this.transactionListeners) listener(event);
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', label: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    if (!this.parallel) return this.openTransaction(mode, label, work);
    return this.parallel.run(() => {
      this.checkDeadline();
      return this.openTransaction(mode, label, work);
    });
  }

  /** On a request's view: refuses to start more database work once the request is out of time. */
  private checkDeadline(): void {
    if (this.deadline && Date.now() > this.deadline.at) {
      const { timeoutMs } = this.deadline;
      throw new AppError(ErrorCode.QUERY_TIMEOUT, `The request took longer than the ${timeoutMs} ms limit and was stopped.`, {
        limit: 'requestTimeoutMs',
        maximum: timeoutMs,
      });
    }
  }

  private async openTransaction<T>(mode: 'READ' | 'WRITE', label: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.notifyBegin({ label, mode });
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.bookmarks ? { bookmarkManager: this.bookmarks } : {}),
    });
    const txConfig = { timeout: this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: label } };
    try {
      if (mode === 'READ') return await session.executeRead(work, txConfig);
      const result = await session.executeWrite(work, txConfig);
      this.wrote = true;
      return result;
    } catch (error) {
      throw this.mapError(error, label);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private mapError(error: unknown, label: string): unknown {
    return toAppError(error, label, this.config.transactionTimeoutMs, this.logger);
  }

  /**
   * Runs a read and hands each record to `onRow` as it arrives, for exports that must not hold
   * the whole graph in memory. Records are pulled as `onRow` settles: while it awaits (a slow
   * HTTP client), the driver pauses the stream, so memory stays flat however large the result.
   * Resolves to the number of rows delivered. The transaction timeout covers the whole stream,
   * slow readers included.
   */
  async stream(queryName: string, params: Params, onRow: (row: Row) => void | Promise<void>): Promise<number> {
    // After the request's bookmarks (withBookmarks), so an export shows the client's own writes.
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: neo4j.session.READ,
      ...(this.bookmarks ? { bookmarkManager: this.bookmarks } : {}),
    });
    const txConfig = { timeout: this.config.transactionTimeoutMs, metadata: { app: 'negotiation-graph', query: queryName } };
    let delivered = 0;
    let interrupted: unknown;
    try {
      await session.executeRead(async (tx) => {
        const text = cypherText(queryName);
        this.notify('READ')(queryName, text);
        try {
          for await (const record of tx.run(text, toNeo4jParams(params) as Params)) {
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

async function runOn(
  tx: Pick<ManagedTransaction, 'run'>,
  queryName: string,
  params: Params,
  notify: (name: string, text: string) => void,
  text = cypherText(queryName),
): Promise<Row[]> {
  notify(queryName, text);
  const result = await tx.run(text, toNeo4jParams(params) as Params);
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

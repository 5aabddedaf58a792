/**
 * The reads of one GraphQL request. Each read is one auto-commit query (Bolt RUN + PULL in
 * one write and one round trip) on a session the request keeps for its reads:
 *
 * - Why not one explicit transaction for the whole request? It costs a BEGIN (a round trip
 *   before the first query) and a ROLLBACK per request, in socket writes and in Neo4j's work,
 *   and buys no consistency: Neo4j transactions are read-committed, so two queries of one
 *   transaction can see different committed data just as two auto-commit queries can
 *   (operations manual, "Concurrent data access"). Each query is consistent in itself; the
 *   common shapes ask in one query what belongs together (look-ahead, src/stances/).
 * - Sessions are reused: a read takes an idle session of its request, or opens one when all
 *   are busy. Reads in sequence share one pooled connection; reads in the same tick run side
 *   by side on their own connections (a Neo4j connection answers its queries one after the
 *   other), and at most the request's parallel bound of them at once (`schedule`): 100
 *   aliased fields take a few connections, never the pool.
 *
 * Each read checks the request's deadline as it starts. A read that failed because the
 * database was briefly unavailable is retried once on a fresh session (reads are idempotent).
 */
import type { Session } from 'neo4j-driver';

import { AppError, ErrorCode } from '../errors/errors.js';
import { cypherText } from './cypher-files.js';
import type { Params, Row } from './executor.js';

/** Runs a named read; the executor and a request's reader both are one. */
export interface Reader {
  /** `text`, when given, is run instead of the file's own (a specialisation of it, see src/stances/written-out-projection.ts). */
  read(queryName: string, params?: Params, text?: string): Promise<Row[]>;
}

export interface RequestReaderDeps {
  openSession(): Session;
  txConfig: { timeout: number; metadata: Record<string, unknown> };
  mapError(error: unknown, label: string): unknown;
  notify(queryName: string, text: string): void;
  /** Called once per query: each is its own (auto-commit) transaction. */
  notifyBegin(): void;
  toParams(params: Params): Params;
  toRow(record: Record<string, unknown>): Row;
  /** Throws QUERY_TIMEOUT once the request is past its wall-time bound, so no query starts then. */
  checkDeadline(): void;
  /** Runs a task within the request's bound on database work in parallel. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
}

const MAX_ATTEMPTS = 2;

export class RequestReader implements Reader {
  /** Sessions of this request not running a query now. */
  private idle: Session[] = [];
  /** Every session this request opened, to close them when it ends. */
  private opened: Session[] = [];

  constructor(private readonly deps: RequestReaderDeps) {}

  /**
   * Runs a read. At most the request's parallel bound of reads are in flight at once (the
   * others wait their turn), and each checks the request's deadline as it starts: 500 aliased
   * fields queue here rather than all reaching the database.
   */
  async read(queryName: string, params: Params = {}, text?: string): Promise<Row[]> {
    return this.deps.schedule(() => this.readNow(queryName, params, text ?? cypherText(queryName)));
  }

  private async readNow(queryName: string, params: Params, text: string): Promise<Row[]> {
    for (let attempt = 1; ; attempt += 1) {
      this.deps.checkDeadline();
      const session = this.take();
      try {
        this.deps.notifyBegin();
        this.deps.notify(queryName, text);
        const result = await runWithoutCallerStack(session, text, this.deps.toParams(params), this.deps.txConfig);
        // Back to the idle ones, unless the request ended (closed its sessions) meanwhile.
        if (this.opened.includes(session)) this.idle.push(session);
        else void session.close().catch(() => undefined);
        return result.records.map((record) => this.deps.toRow(record.toObject()));
      } catch (error) {
        // A session whose query failed is not reused: its connection may be broken.
        void session.close().catch(() => undefined);
        const mapped = this.deps.mapError(error, queryName);
        const retryable = mapped instanceof AppError && mapped.code === ErrorCode.DATABASE_UNAVAILABLE;
        if (!retryable || attempt >= MAX_ATTEMPTS) throw mapped;
      }
    }
  }

  /** Returns the request's connections to the pool (nothing to commit: it only read). */
  async close(): Promise<void> {
    const sessions = this.opened;
    this.opened = [];
    this.idle = [];
    await Promise.all(sessions.map((session) => session.close().catch(() => undefined)));
  }

  private take(): Session {
    const session = this.idle.pop();
    if (session) return session;
    const opened = this.deps.openSession();
    this.opened.push(opened);
    return opened;
  }
}

/**
 * The driver formats the caller's stack trace for every query it starts (to put on a later
 * error), a measurable share of a short read's CPU. Read errors are mapped to the API's own
 * (with the query's name) and never show that trace, so it is not captured: the stack trace
 * limit is 0 only while the driver builds the query's result, synchronously.
 */
function runWithoutCallerStack(session: Session, text: string, params: Params, config: RequestReaderDeps['txConfig']) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(text, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * One read transaction per GraphQL request, opened at the request's first read and shared by
 * every loader and repository of that request. Compared with a session and a managed
 * transaction per query, it saves a BEGIN/COMMIT pair per query (Bolt pipelines BEGIN with the
 * first RUN), keeps one request's reads on one connection (100 aliased fields cannot take 100
 * pooled connections from other clients), and gives them one consistent view.
 *
 * Resolvers may issue reads concurrently; a bounded number run at once, each after a deadline
 * check. A failed transaction is dropped; a read that failed because the database was briefly
 * unavailable, or because a sibling query broke the shared transaction, is retried once in a
 * fresh one (reads are idempotent).
 */
import type { Session, Transaction } from 'neo4j-driver';

import { AppError, ErrorCode } from '../errors/errors.js';
import { cypherText } from './cypher-files.js';
import type { Params, Row } from './executor.js';

/** Runs a named read; the executor and a request's reader both are one. */
export interface Reader {
  read(queryName: string, params?: Params): Promise<Row[]>;
}

export interface RequestReaderDeps {
  openSession(): Session;
  txConfig: { timeout: number; metadata: Record<string, unknown> };
  mapError(error: unknown, label: string): unknown;
  notify(queryName: string): void;
  notifyBegin(): void;
  toParams(params: Params): Params;
  toRow(record: Record<string, unknown>): Row;
  /** Throws QUERY_TIMEOUT once the request is past its wall-time bound, so no query starts then. */
  checkDeadline(): void;
  /** Runs a task within the request's bound on database work in parallel. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
}

interface Open {
  session: Session;
  tx: Transaction;
  failed: boolean;
}

const MAX_ATTEMPTS = 2;

export class RequestReader implements Reader {
  private current: Promise<Open> | undefined;

  constructor(private readonly deps: RequestReaderDeps) {}

  /**
   * Runs a read in the request's transaction. At most the request's parallel bound of reads
   * are in flight at once (the others wait their turn), and each checks the request's deadline
   * as it starts: 500 aliased fields queue here rather than all reaching the database.
   */
  async read(queryName: string, params: Params = {}): Promise<Row[]> {
    return this.deps.schedule(() => this.readNow(queryName, params));
  }

  private async readNow(queryName: string, params: Params): Promise<Row[]> {
    for (let attempt = 1; ; attempt += 1) {
      this.deps.checkDeadline();
      const opening = this.open();
      let open: Open | undefined;
      try {
        open = await opening;
        this.deps.notify(queryName);
        const result = await open.tx.run(cypherText(queryName), this.deps.toParams(params));
        return result.records.map((record) => this.deps.toRow(record.toObject()));
      } catch (error) {
        const brokenBySibling = open?.failed === true;
        if (open) open.failed = true;
        this.drop(opening);
        const mapped = this.deps.mapError(error, queryName);
        const retryable = brokenBySibling || (mapped instanceof AppError && mapped.code === ErrorCode.DATABASE_UNAVAILABLE);
        if (!retryable || attempt >= MAX_ATTEMPTS) throw mapped;
      }
    }
  }

  /** Ends the transaction (nothing to commit: it only read) and returns its connection. */
  async close(): Promise<void> {
    const opening = this.current;
    this.current = undefined;
    if (opening) await release(opening);
  }

  private open(): Promise<Open> {
    if (!this.current) {
      this.deps.notifyBegin();
      const session = this.deps.openSession();
      const opening = (async () => ({ session, tx: await session.beginTransaction(this.deps.txConfig), failed: false }))();
      // A failed BEGIN must not leave a rejected promise unobserved or the session open.
      opening.catch(() => session.close().catch(() => undefined));
      this.current = opening;
    }
    return this.current;
  }

  private drop(opening: Promise<Open>): void {
    if (this.current === opening) this.current = undefined;
    void release(opening);
  }
}

async function release(opening: Promise<Open>): Promise<void> {
  try {
    const { session, tx } = await opening;
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  } catch {
    // BEGIN failed; its session was closed above.
  }
}

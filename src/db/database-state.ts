/**
 * Tracks whether the database is usable, and prepares it once it is: applies the schema
 * (constraints and indexes, idempotent), brings data an earlier version stored up to date
 * and, when asked, loads the seed into an empty graph.
 *
 * The service starts even when Neo4j is down: it reports not-ready, keeps trying in the
 * background, and prepares the database as soon as it answers. Requests in the meantime get
 * DATABASE_UNAVAILABLE from the executor, not a hang.
 */
import type { Logger } from '../logging/logger.js';
import { cypherText, listCypherNames, splitStatements } from './cypher-files.js';
import type { Executor } from './executor.js';

export type Preparation = (executor: Executor) => Promise<void>;

export interface Readiness {
  ready: boolean;
  reason?: string;
}

export async function applySchema(executor: Executor): Promise<void> {
  for (const name of listCypherNames().filter((n) => n.startsWith('schema/'))) {
    for (const statement of splitStatements(cypherText(name))) {
      await executor.runStatement(statement);
    }
  }
  // Indexes populate in the background; queries that use them must not race that.
  await executor.runStatement('CALL db.awaitIndexes(300)');
  await migrateData(executor);
}

/** Rows a data migration changes in one transaction. */
const MIGRATION_BATCH = 10_000;

/**
 * Brings a graph written by an earlier version up to date: each `cypher/migrate/` file changes
 * at most `$batch` rows and returns how many (`updated`), and runs until it changes none, so a
 * large graph is migrated in bounded transactions and an up-to-date one costs one query each.
 */
async function migrateData(executor: Executor): Promise<void> {
  for (const name of listCypherNames().filter((n) => n.startsWith('migrate/'))) {
    for (;;) {
      const [row] = await executor.runStatement(cypherText(name), { batch: MIGRATION_BATCH });
      if (!row || Number(row['updated']) === 0) break;
    }
  }
}

export class DatabaseState {
  private prepared = false;
  private lastFailure: string | undefined = 'not connected yet';
  private timer: NodeJS.Timeout | undefined;
  private preparing: Promise<boolean> | undefined;

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
    private readonly preparations: Preparation[],
    private readonly retryIntervalMs = 2000,
  ) {}

  /** Tries to prepare the database now; resolves whether it is prepared. */
  prepare(): Promise<boolean> {
    if (this.prepared) return Promise.resolve(true);
    this.preparing ??= this.tryPrepare().finally(() => {
      this.preparing = undefined;
    });
    return this.preparing;
  }

  /** Keeps trying in the background until the database is prepared. */
  watch(): void {
    const attempt = async () => {
      this.timer = undefined;
      if (await this.prepare()) return;
      this.timer = setTimeout(attempt, this.retryIntervalMs);
      this.timer.unref();
    };
    void attempt();
  }

  async readiness(): Promise<Readiness> {
    if (!this.prepared) {
      void this.prepare();
      return { ready: false, reason: this.lastFailure ?? 'preparing the database' };
    }
    const failure = await this.executor.ping();
    return failure === undefined ? { ready: true } : { ready: false, reason: failure };
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tryPrepare(): Promise<boolean> {
    const failure = await this.executor.ping();
    if (failure !== undefined) {
      if (failure !== this.lastFailure) this.logger.warn('waiting for Neo4j', { reason: failure });
      this.lastFailure = failure;
      return false;
    }
    try {
      await applySchema(this.executor);
      for (const preparation of this.preparations) await preparation(this.executor);
      this.prepared = true;
      this.lastFailure = undefined;
      this.logger.info('database ready');
      return true;
    } catch (error) {
      this.lastFailure = `preparing the database failed: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.error('database preparation failed', { reason: this.lastFailure });
      return false;
    }
  }
}

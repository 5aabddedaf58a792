/**
 * How every API replica learns of changes made through any other: Community Neo4j has no
 * change-data-capture, but every change writes audit entries in its own transaction, each
 * numbered from one gapless sequence in commit order (cypher/curation/create-audit-entries).
 * The follower polls for entries after the last number it has seen, a few times a second at
 * most, and hands them, in order, to its listeners.
 *
 * Nothing is lost or repeated: the follower advances only over consecutive numbers, so an
 * entry that a concurrent reader could momentarily miss is picked up by the next poll instead
 * of being skipped. A gap that stays (entries deleted by hand) is passed after `gapGraceMs`.
 */
import type { Executor } from '../db/executor.js';
import type { Logger } from '../logging/logger.js';

/** An audit entry as the follower reads it. */
export interface FollowedEntry {
  sequence: number;
  /** Position within the transaction that wrote it, and how many entries that one wrote. */
  seq: number;
  batchSize: number;
  by: string;
  via: string;
  action: string;
  targetKind: string;
  targetId: string;
  summary: string;
  at: string;
}

export type EntryListener = (entries: readonly FollowedEntry[]) => void | Promise<void>;

export interface FollowerOptions {
  pollIntervalMs: number;
  /** Entries read per poll; the follower reads on at once when a poll returned this many. */
  batchLimit?: number;
  gapGraceMs?: number;
}

export class AuditFollower {
  private position: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private readonly listeners = new Set<EntryListener>();
  private gapSince: number | null = null;
  private stopped = false;

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
    private readonly options: FollowerOptions,
  ) {}

  /** The last sequence number delivered; null until the follower has read where the log ends. */
  get lastSequence(): number | null {
    return this.position;
  }

  /** Where the audit log ends in the database now (a subscription starts after this). */
  async logEnd(): Promise<number> {
    const [row] = await this.executor.read('subscriptions/find-last-audit-sequence');
    return Number(row?.['last'] ?? 0);
  }

  onEntries(listener: EntryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts following from where the log ends now; retries quietly while the database is down. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Polls once now (tests; and the schedule below). Resolves when delivered. */
  pollNow(): Promise<void> {
    this.polling ??= this.poll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.pollNow().then(
        () => this.schedule(this.options.pollIntervalMs),
        (error: unknown) => {
          this.logger.warn('audit follower: poll failed, retrying', { error: error instanceof Error ? error.message : String(error) });
          this.schedule(Math.max(this.options.pollIntervalMs, 2000));
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.position === null) {
      this.position = await this.logEnd();
      return;
    }
    const limit = this.options.batchLimit ?? 500;
    for (;;) {
      const rows = await this.executor.read('subscriptions/find-audit-entries-after', { after: this.position, limit });
      const entries = rows.map((row) => row['entry'] as FollowedEntry);
      const consecutive = this.takeConsecutive(entries);
      if (consecutive.length > 0) {
        this.position = (consecutive[consecutive.length - 1] as FollowedEntry).sequence;
        for (const listener of this.listeners) await listener(consecutive);
      }
      if (entries.length < limit || consecutive.length < entries.length) return;
    }
  }

  /** The entries that continue the sequence without a gap (or across a gap that outlived its grace). */
  private takeConsecutive(entries: FollowedEntry[]): FollowedEntry[] {
    const taken: FollowedEntry[] = [];
    let expected = (this.position as number) + 1;
    for (const entry of entries) {
      if (entry.sequence !== expected) {
        const now = Date.now();
        this.gapSince ??= now;
        if (taken.length > 0 || now - this.gapSince < (this.options.gapGraceMs ?? 10_000)) break;
        this.logger.warn('audit follower: skipping missing audit entries', { from: expected, to: entry.sequence - 1 });
      }
      this.gapSince = null;
      taken.push(entry);
      expected = entry.sequence + 1;
    }
    return taken;
  }
}

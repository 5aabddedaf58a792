/**
 * How every API replica learns of changes made through any other: Community Neo4j has no
 * change-data-capture, but every change writes audit entries in its own transaction, each
 * numbered from one gapless sequence in commit order (cypher/write/create-audit-entries).
 * The follower polls for entries after the last number it has seen, a few times a second at
 * most, and hands them, in order, to its listeners.
 *
 * Nothing is lost or repeated: the follower advances only over consecutive numbers, so an
 * entry that a concurrent reader could momentarily miss is picked up by the next poll instead
 * of being skipped. A gap that stays (entries deleted by hand) is passed after `gapGraceMs`.
 * It advances only once every listener has taken the entries: a listener that fails (the
 * change feed's read of the changed stances, while the database is away) gets the same entries
 * again on the next poll, and a listener that already took them is not given them twice.
 */
import type { Executor } from '../db/executor.js';
import type { Logger } from '../logging/logger.js';
import { AuditLogRepository } from './audit-log.repository.js';

/** An audit entry as the follower reads it. */
export interface FollowedEntry {
  sequence: number;
  /** Position within the transaction that wrote it, and how many entries that one wrote. */
  seq: number;
  batchSize: number;
  /** The import run that wrote it; null for changes made otherwise. */
  run: string | null;
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
  /** Each listener with the last sequence number it has taken (so a retry skips what it has). */
  private readonly listeners = new Map<EntryListener, { through: number }>();
  private gapSince: number | null = null;
  private stopped = false;
  private readonly log: AuditLogRepository;

  constructor(
    executor: Executor,
    private readonly logger: Logger,
    private readonly options: FollowerOptions,
  ) {
    this.log = new AuditLogRepository(executor);
  }

  /** The last sequence number delivered; null until the follower has read where the log ends. */
  get lastSequence(): number | null {
    return this.position;
  }

  /** Where the audit log ends in the database now (a subscription starts after this). */
  async logEnd(): Promise<number> {
    return this.log.lastSequence();
  }

  onEntries(listener: EntryListener): () => void {
    this.listeners.set(listener, { through: 0 });
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
      const entries = await this.log.entriesAfter(this.position, limit);
      const consecutive = this.takeConsecutive(entries);
      if (consecutive.length > 0) {
        const last = (consecutive[consecutive.length - 1] as FollowedEntry).sequence;
        await this.deliver(consecutive, last);
        this.position = last;
      }
      if (entries.length < limit || consecutive.length < entries.length) return;
    }
  }

  /** Hands the entries to each listener that has not taken them yet; throws if one fails. */
  private async deliver(entries: readonly FollowedEntry[], last: number): Promise<void> {
    let failure: { error: unknown } | null = null;
    for (const [listener, state] of this.listeners) {
      const fresh = entries.filter((entry) => entry.sequence > state.through);
      if (fresh.length === 0) continue;
      try {
        await listener(fresh);
        state.through = last;
      } catch (error) {
        // The others still get theirs; this one gets the same entries on the next poll.
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
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

/**
 * Turns the audit log, as the follower reads it, into the events clients subscribe to:
 * stance changes (recorded, updated, retracted, sources added) and finished imports. Each
 * changed stance is read once per poll, whatever the number of subscribers, and each
 * subscriber gets its own ordered queue of the events that pass its filter.
 */
import type { Executor } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { StanceRepository } from '../stances/stance.repository.js';
import type { Stance } from '../stances/stance.type.js';
import type { AuditFollower, FollowedEntry } from './audit-follower.js';
import { type ImportFinished, type StanceChange, StanceChangeKind } from './subscription.type.js';

export type ChangeEvent = { type: 'stance'; change: StanceChange } | { type: 'import'; finished: ImportFinished };

/** The audit-log number of an event (an import's: that of its last change). */
const sequenceOf = (event: ChangeEvent): number => (event.type === 'stance' ? event.change.sequence : event.finished.sequence);

/** A subscriber this far behind is ended (with a way to resume) rather than buffered without bound. */
export const MAX_QUEUED_EVENTS = 10_000;

const STANCE_CHANGES: Record<string, StanceChangeKind> = {
  CREATE: StanceChangeKind.RECORDED,
  UPDATE: StanceChangeKind.UPDATED,
  RETRACT: StanceChangeKind.RETRACTED,
  ADD_SOURCE: StanceChangeKind.SOURCES_ADDED,
};

/** Audit entries written through these come from imports (importDataset, npm run import). */
const IMPORT_VIA = new Set(['import', 'cli']);

/**
 * Imports being counted at once. One that never finishes (it failed and was not resumed)
 * would otherwise stay counted for good; past this many, the oldest is forgotten.
 */
const MAX_OPEN_IMPORTS = 100;

interface Subscriber {
  accept(event: ChangeEvent): boolean;
  /** Only changes committed after this number reach the subscriber; null while it is being read. */
  after: number | null;
  queue: ChangeEvent[];
  wake: (() => void) | null;
  failure: unknown;
  /** Checked before delivering (at most every few seconds): a revoked token ends the stream. */
  authorize?: () => Promise<void>;
}

export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  /**
   * The imports whose entries are being read, by run (an import spans several transactions,
   * so several polls, and concurrent imports interleave theirs in the log).
   */
  private readonly openImports = new Map<string, ImportFinished>();

  private readonly stances: StanceRepository;

  constructor(
    executor: Executor,
    private readonly follower: AuditFollower,
  ) {
    this.stances = new StanceRepository(executor);
    follower.onEntries((entries) => this.publish(entries));
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /**
   * An ordered stream of the events that `accept` lets through, for every change committed
   * from now on, until the client unsubscribes (return()) or `authorize` throws.
   *
   * "Now" is where the audit log ends in the database once the subscriber is registered: a
   * change committed later is read by a later poll, which delivers to this subscriber; one
   * committed earlier, not yet delivered by the follower, is dropped for it.
   */
  async subscribe(accept: (event: ChangeEvent) => boolean, authorize?: () => Promise<void>): Promise<AsyncIterableIterator<ChangeEvent>> {
    const subscriber: Subscriber = { accept, after: null, queue: [], wake: null, failure: null, ...(authorize ? { authorize } : {}) };
    this.subscribers.add(subscriber);
    try {
      subscriber.after = await this.follower.logEnd();
    } catch (error) {
      this.subscribers.delete(subscriber);
      throw error;
    }
    const subscribers = this.subscribers;
    const finish = () => {
      subscribers.delete(subscriber);
      subscriber.wake?.();
    };
    const iterator: AsyncIterableIterator<ChangeEvent> = {
      [Symbol.asyncIterator]: () => iterator,
      async next(): Promise<IteratorResult<ChangeEvent>> {
        for (;;) {
          if (subscriber.failure) {
            finish();
            throw subscriber.failure;
          }
          const event = subscriber.queue.shift();
          if (event && sequenceOf(event) > (subscriber.after as number)) return { value: event, done: false };
          if (event) continue;
          if (!subscribers.has(subscriber)) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (subscriber.wake = resolve));
          subscriber.wake = null;
        }
      },
      async return(): Promise<IteratorResult<ChangeEvent>> {
        finish();
        return { value: undefined, done: true };
      },
    };
    return iterator;
  }

  private async publish(entries: readonly FollowedEntry[]): Promise<void> {
    const events = await this.toEvents(entries);
    if (events.length === 0 || this.subscribers.size === 0) return;
    await Promise.all(
      [...this.subscribers].map(async (subscriber) => {
        try {
          await subscriber.authorize?.();
        } catch (error) {
          subscriber.failure = error;
          subscriber.wake?.();
          return;
        }
        for (const event of events) if (subscriber.accept(event)) subscriber.queue.push(event);
        if (subscriber.queue.length > MAX_QUEUED_EVENTS) {
          const last = events[events.length - 1];
          const sequence = last?.type === 'stance' ? last.change.sequence : last?.finished.sequence;
          subscriber.queue.length = 0;
          subscriber.failure = new AppError(
            ErrorCode.BAD_USER_INPUT,
            `The subscriber fell more than ${MAX_QUEUED_EVENTS} changes behind and was ended at sequence ${sequence}; subscribe again.`,
          );
        }
        subscriber.wake?.();
      }),
    );
  }

  private async toEvents(entries: readonly FollowedEntry[]): Promise<ChangeEvent[]> {
    const stanceIds = [...new Set(entries.filter((e) => e.targetKind === 'STANCE' && STANCE_CHANGES[e.action]).map((e) => e.targetId))];
    const stances = new Map<string, Stance>();
    // Read even with no subscriber yet: one may register while this poll is being delivered.
    if (stanceIds.length > 0) {
      for (const stance of await this.stances.findByIds(stanceIds)) stances.set(stance.id, stance);
    }
    const events: ChangeEvent[] = [];
    for (const entry of entries) {
      const change = STANCE_CHANGES[entry.action];
      if (entry.targetKind === 'STANCE' && change) {
        events.push({
          type: 'stance',
          change: {
            change,
            stanceId: entry.targetId,
            stance: stances.get(entry.targetId) ?? null,
            by: entry.by,
            at: entry.at,
            via: entry.via,
            sequence: entry.sequence,
            summary: entry.summary,
          },
        });
      }
      const finished = this.followImport(entry);
      if (finished) events.push({ type: 'import', finished });
    }
    return events;
  }

  /** Counts an import's entries; returns the import once its last entry has been read. */
  private followImport(entry: FollowedEntry): ImportFinished | null {
    if (!IMPORT_VIA.has(entry.via) || entry.targetKind === 'API_TOKEN') return null;
    // Entries written before runs were named in the log: one import per importer at a time.
    const run = entry.run ?? `${entry.via}:${entry.by}`;
    let open = this.openImports.get(run);
    if (entry.seq === 0 || !open) {
      open = { by: entry.by, at: entry.at, via: entry.via, sequence: entry.sequence, created: 0, updated: 0, changes: 0 };
      this.openImports.delete(run);
      this.openImports.set(run, open);
      if (this.openImports.size > MAX_OPEN_IMPORTS) this.openImports.delete(this.openImports.keys().next().value as string);
    }
    open.changes += 1;
    if (entry.action === 'CREATE') open.created += 1;
    else open.updated += 1;
    open.sequence = entry.sequence;
    if (entry.seq + 1 < entry.batchSize) return null;
    this.openImports.delete(run);
    return open;
  }
}

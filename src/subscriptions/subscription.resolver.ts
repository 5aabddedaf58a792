/**
 * Live updates over WebSocket (graphql-ws on /graphql, see subscription-server.ts). The events
 * come from the audit log that every replica follows (change-feed.ts), so a client connected
 * to any replica hears of changes made through all of them.
 */
import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';

import { AppError, badUserInput, ErrorCode } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import { createRequestReads } from '../graph/request-reads.js';
import type { ChangeEvent, ChangeFeed } from './change-feed.js';
import { ImportFinished, StanceChange, StanceChangeFilter } from './subscription.type.js';

/** Longest id list a filter may hold (a dashboard follows a few actors, not thousands). */
export const MAX_FILTER_IDS = 100;

function feedOf(context: RequestContext): ChangeFeed {
  if (!context.changes) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Subscriptions run over WebSocket (graphql-ws) on /graphql, not over HTTP POST.');
  return context.changes;
}

function checkFilter(filter: StanceChangeFilter | null | undefined): void {
  for (const key of ['actorIds', 'positionIds', 'meetingIds'] as const) {
    const ids = filter?.[key];
    if (ids && ids.length > MAX_FILTER_IDS) throw badUserInput(`filter.${key}`, `may hold at most ${MAX_FILTER_IDS} ids, got ${ids.length}`);
  }
}

/** Whether a change passes the filter; a filter on the stance refuses a change to a stance since deleted. */
export function matchesFilter(change: StanceChange, filter: StanceChangeFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.changes?.length && !filter.changes.includes(change.change)) return false;
  const needsStance = Boolean(filter.actorIds?.length || filter.positionIds?.length || filter.meetingIds?.length || filter.kinds?.length);
  if (!needsStance) return true;
  const stance = change.stance;
  if (!stance) return false;
  if (filter.actorIds?.length && !filter.actorIds.includes(stance.actorId)) return false;
  if (filter.positionIds?.length && !filter.positionIds.includes(stance.positionId)) return false;
  if (filter.meetingIds?.length && (stance.meetingId === null || !filter.meetingIds.includes(stance.meetingId))) return false;
  if (filter.kinds?.length && !filter.kinds.includes(stance.kind)) return false;
  return true;
}

/** The payloads of one kind of event, from the feed; ending it unsubscribes from the feed. */
async function* payloads<T>(feed: AsyncIterableIterator<ChangeEvent>, pick: (event: ChangeEvent) => T | null, ctx: RequestContext): AsyncGenerator<T> {
  try {
    for await (const event of feed) {
      const payload = pick(event);
      if (payload !== null) yield payload;
    }
  } finally {
    await feed.return?.();
    // The last event's read transaction, if any, goes back to the pool with the subscription.
    await ctx.reader.close();
  }
}

/**
 * Each event is resolved with fresh reads: a connection lives for hours, its data does not
 * stand still, and a read transaction must not stay open between events (it would outlive its
 * timeout). The previous event's transaction is released here.
 */
function freshLoaders(ctx: RequestContext): void {
  void ctx.reader.close();
  Object.assign(ctx, createRequestReads(ctx.executor));
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => StanceChange, {
    description:
      'Every stance recorded, updated, retracted or given another source from now on, through any API replica, in commit order, within a few seconds. Over WebSocket (graphql-ws) on /graphql.',
    subscribe: async ({ args, context }) => {
      const filter = (args as { filter?: StanceChangeFilter | null }).filter ?? null;
      checkFilter(filter);
      const ctx = context as RequestContext;
      const events = await feedOf(ctx).subscribe((event) => event.type === 'stance' && matchesFilter(event.change, filter), ctx.reauthorize);
      return payloads(events, (event) => (event.type === 'stance' ? event.change : null), ctx);
    },
  })
  stanceChanged(
    @Root() change: StanceChange,
    @Arg('filter', () => StanceChangeFilter, { nullable: true, description: 'Only these changes; all of them when omitted.' })
    _filter: StanceChangeFilter | null,
    @Ctx() ctx: RequestContext,
  ): StanceChange {
    freshLoaders(ctx);
    return change;
  }

  @Subscription(() => ImportFinished, {
    description:
      'Every import that committed changes (importDataset or npm run import), through any API replica, within a few seconds. Over WebSocket (graphql-ws) on /graphql.',
    subscribe: async ({ context }) => {
      const ctx = context as RequestContext;
      const events = await feedOf(ctx).subscribe((event) => event.type === 'import', ctx.reauthorize);
      return payloads(events, (event) => (event.type === 'import' ? event.finished : null), ctx);
    },
  })
  importFinished(@Root() finished: ImportFinished, @Ctx() ctx: RequestContext): ImportFinished {
    freshLoaders(ctx);
    return finished;
  }
}

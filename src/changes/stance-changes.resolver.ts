/**
 * `stanceChanges`: the negotiation tracker's question, "what is new, what was dropped, who
 * moved", between two rounds or two periods, per actor and position, with sources on both
 * sides. Field resolvers give each change its actor and position.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import { Position } from '../positions/position.type.js';
import { loadRequired } from '../shared/load.js';
import { type Props, toStance } from '../shared/mapping.js';
import { checkDateRange } from '../stances/stance-filter.input.js';
import { type ComparedStance, compareStances, StanceChangeKind } from './stance-changes.rules.js';
import { ComparisonSide, PeriodInput, StanceChange, StanceChanges } from './stance-changes.type.js';

const MAX_IDS = 50;
const MAX_ROWS = 5000;

function checkIds(argument: string, ids: readonly string[] | null): string[] | null {
  if (!ids || ids.length === 0) return null;
  if (ids.length > MAX_IDS) throw badUserInput(argument, `must list at most ${MAX_IDS} ids, got ${ids.length}`);
  return [...ids];
}

/** Each side is exactly one of a meeting and a period. */
function checkSide(side: 'from' | 'to', meetingId: string | null, period: PeriodInput | null): void {
  if (meetingId && period) throw badUserInput(`${side}Period`, `cannot be given with "${side}MeetingId"; compare a meeting or a period`);
  if (!meetingId && !period)
    throw badUserInput(`${side}MeetingId`, `or "${side}Period" is required: the ${side === 'from' ? 'earlier' : 'later'} side to compare`);
  if (period) checkDateRange(period.from, period.to, `${side}Period.`);
}

@Resolver(() => StanceChange)
export class StanceChangesResolver {
  @Query(() => StanceChanges, {
    description:
      'What changed between two meetings (e.g. round 1 and round 2) or two periods, per actor and position: new stances, stances not repeated, changes of kind (REJECTED → CONSIDERING → AGREED_TO), each with the stances and sources on both sides. With actorIds, only those actors (and, by default, their members).',
  })
  async stanceChanges(
    @Arg('fromMeetingId', () => ID, { nullable: true, description: 'The earlier meeting.' }) fromMeetingId: string | null,
    @Arg('toMeetingId', () => ID, { nullable: true, description: 'The later meeting.' }) toMeetingId: string | null,
    @Arg('fromPeriod', () => PeriodInput, { nullable: true, description: 'The earlier period, instead of a meeting (stances by their date).' })
    fromPeriod: PeriodInput | null,
    @Arg('toPeriod', () => PeriodInput, { nullable: true, description: 'The later period, instead of a meeting.' }) toPeriod: PeriodInput | null,
    @Arg('actorIds', () => [ID], { nullable: true, description: 'Only these actors (at most 50).' }) actorIds: string[] | null,
    @Arg('positionIds', () => [ID], { nullable: true, description: 'Only these positions (at most 50).' }) positionIds: string[] | null,
    @Arg('includeMembers', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: 'With actorIds: count a member’s stance for its group (Medinsky’s for Russia). Default true.',
    })
    includeMembers: boolean,
    @Arg('includeRepeated', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list stances repeated unchanged. Default false.' })
    includeRepeated: boolean,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200, description: 'At most this many changes (1–1000).' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceChanges> {
    checkSide('from', fromMeetingId, fromPeriod);
    checkSide('to', toMeetingId, toPeriod);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badUserInput('limit', `must be between 1 and 1000, got ${limit}`);
    const actors = checkIds('actorIds', actorIds);
    const positions = checkIds('positionIds', positionIds);
    const [fromMeeting, toMeeting] = await Promise.all([
      fromMeetingId ? ctx.loaders.meeting.load(fromMeetingId) : null,
      toMeetingId ? ctx.loaders.meeting.load(toMeetingId) : null,
    ]);
    if (fromMeetingId && !fromMeeting) throw badUserInput('fromMeetingId', `names no meeting: "${fromMeetingId}"`);
    if (toMeetingId && !toMeeting) throw badUserInput('toMeetingId', `names no meeting: "${toMeetingId}"`);

    const rows = await ctx.reader.read('analysis/stance-changes', {
      fromMeetingId: fromMeetingId ?? null,
      fromStart: fromPeriod?.from ?? null,
      fromEnd: fromPeriod?.to ?? null,
      toMeetingId: toMeetingId ?? null,
      toStart: toPeriod?.from ?? null,
      toEnd: toPeriod?.to ?? null,
      actorIds: actors,
      positionIds: positions,
      includeMembers,
      maxRows: MAX_ROWS,
    });
    const compared: ComparedStance[] = rows.map((row) => ({
      actorId: String(row['actorId']),
      actorName: String(row['actorName'] ?? row['actorId']),
      positionId: String(row['positionId']),
      positionTitle: String(row['positionTitle'] ?? row['positionId']),
      inFrom: row['inFrom'] === true,
      inTo: row['inTo'] === true,
      stance: toStance(row['stance'] as Props),
    }));
    const all = compareStances(compared);
    const count = (kind: StanceChangeKind) => all.filter((c) => c.change === kind).length;
    const wanted = includeRepeated ? all : all.filter((c) => c.change !== StanceChangeKind.REPEATED);
    const side = (meeting: typeof fromMeeting, period: PeriodInput | null): ComparisonSide => ({
      meeting,
      from: period?.from ?? null,
      to: period?.to ?? null,
    });
    return {
      from: side(fromMeeting, fromPeriod),
      to: side(toMeeting, toPeriod),
      counts: {
        kindChanged: count(StanceChangeKind.KIND_CHANGED),
        new: count(StanceChangeKind.NEW),
        notRepeated: count(StanceChangeKind.NOT_REPEATED),
        repeated: count(StanceChangeKind.REPEATED),
      },
      total: wanted.length,
      truncated: rows.length >= MAX_ROWS,
      changes: wanted.slice(0, limit),
    };
  }

  @FieldResolver(() => Actor, { description: 'The actor (the group, when a member’s stance counts for it).' })
  async actor(@Root() change: StanceChange, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, change.actorId, 'Actor');
  }

  @FieldResolver(() => Position, { description: 'The position.' })
  async position(@Root() change: StanceChange, @Ctx() ctx: RequestContext): Promise<Position> {
    return loadRequired(ctx.loaders.position, change.positionId, 'Position');
  }
}

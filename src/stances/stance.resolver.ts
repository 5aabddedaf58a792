import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import type { RequestContext } from '../request/context.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import { loadRequired } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { perSelection } from '../shared/per-selection.js';
import { StanceFilter } from './stance-filter.input.js';
import { fetchedActor, fetchedMeeting, fetchedPosition, stanceLookAhead } from './stance-lookahead.js';
import { Stance, type StanceRoot } from './stance.type.js';

/** What the stance table reads of its selection, once per selection (see src/shared/per-selection.ts). */
const tableLookAhead = perSelection((selection) => ({ items: stanceLookAhead(selection.at('items')), total: selection.has('total') }));

@ObjectType({ description: 'A page of the stance table and how many stances match in total.' })
export class StancePage extends PageOf(Stance, 'Stance') {}

@Resolver(() => Stance)
export class StanceResolver {
  @Query(() => Stance, { nullable: true, description: 'One stance by id; null when there is none.' })
  async stance(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Stance | null> {
    return ctx.repos.stances.findById(id);
  }

  @Query(() => StancePage, {
    description:
      'The flat "who did what to which, according to whom" table, filtered by kind, actor, position, topic, meeting, source and dates; in date order. When no actor, position or meeting narrows it, `total` is exact when only kinds narrow it (up to 1,000 retracted stances of a kind), and otherwise up to 1,000 matching stances of a kind; past those it counts every stance of that kind (an upper bound).',
  })
  async stances(
    @Arg('filter', () => StanceFilter, { nullable: true, description: 'Which stances; all active ones when omitted.' }) filter: StanceFilter | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StancePage> {
    const asked = tableLookAhead(info);
    return ctx.repos.stances.list(filter, toWindow(page), asked.items, asked.total);
  }

  @FieldResolver(() => Actor, { description: 'Who took the stance.' })
  // Not async: an item fetched ahead is returned as it is, so GraphQL completes the row
  // without a promise per field (the stance table has hundreds of such fields).
  actor(@Root() stance: StanceRoot, @Ctx() ctx: RequestContext): Actor | Promise<Actor> {
    return fetchedActor(stance) ?? loadRequired(ctx.loaders.actor, stance.actorId, 'Actor');
  }

  @FieldResolver(() => Position, { description: 'What it is about.' })
  position(@Root() stance: StanceRoot, @Ctx() ctx: RequestContext): Position | Promise<Position> {
    return fetchedPosition(stance) ?? loadRequired(ctx.loaders.position, stance.positionId, 'Position');
  }

  // Who entered or retracted a stance is a token holder's name: like the audit log, for
  // editors only (a reader asking gets UNAUTHENTICATED or FORBIDDEN on this field).
  @Authorized('editor')
  @FieldResolver(() => String, { nullable: true, description: 'Who entered it: the token holder’s name (role editor, like the audit log).' })
  recordedBy(@Root() stance: StanceRoot): string | null {
    return stance.recordedBy;
  }

  @Authorized('editor')
  @FieldResolver(() => String, { nullable: true, description: 'Who retracted it: the token holder’s name (role editor, like the audit log).' })
  retractedBy(@Root() stance: StanceRoot): string | null {
    return stance.retractedBy;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting where it was taken, if at a meeting.' })
  meeting(@Root() stance: StanceRoot, @Ctx() ctx: RequestContext): Meeting | null | Promise<Meeting | null> {
    const meeting = fetchedMeeting(stance);
    if (meeting !== undefined) return meeting;
    return stance.meetingId ? ctx.loaders.meeting.load(stance.meetingId) : null;
  }
}

import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { requireRole } from '../auth/access.js';
import type { RequestContext } from '../graph/context.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import { loadRequired } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { StanceFilter } from './stance-filter.input.js';
import { Stance } from './stance.type.js';

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
      'The flat "who did what to which, according to whom" table, filtered by kind, actor, position, topic, meeting, source and dates; in date order. When no actor, position or meeting narrows it, `total` is exact up to 1,000 matching stances of a kind; past that it counts every stance of that kind (an upper bound).',
  })
  async stances(
    @Arg('filter', () => StanceFilter, { nullable: true, description: 'Which stances; all active ones when omitted.' }) filter: StanceFilter | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<StancePage> {
    return ctx.repos.stances.list(filter, toWindow(page));
  }

  @FieldResolver(() => Actor, { description: 'Who took the stance.' })
  async actor(@Root() stance: Stance, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, stance.actorId, 'Actor');
  }

  @FieldResolver(() => Position, { description: 'What it is about.' })
  async position(@Root() stance: Stance, @Ctx() ctx: RequestContext): Promise<Position> {
    return loadRequired(ctx.loaders.position, stance.positionId, 'Position');
  }

  // Who entered or retracted a stance is a token holder's name: like the audit log, for
  // editors only (a reader asking gets UNAUTHENTICATED or FORBIDDEN on this field).
  @FieldResolver(() => String, { nullable: true, description: 'Who entered it: the token holder’s name (role editor, like the audit log).' })
  recordedBy(@Root() stance: Stance, @Ctx() ctx: RequestContext): string | null {
    requireRole(ctx, 'editor');
    return stance.recordedBy;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who retracted it: the token holder’s name (role editor, like the audit log).' })
  retractedBy(@Root() stance: Stance, @Ctx() ctx: RequestContext): string | null {
    requireRole(ctx, 'editor');
    return stance.retractedBy;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting where it was taken, if at a meeting.' })
  async meeting(@Root() stance: Stance, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return stance.meetingId ? ctx.loaders.meeting.load(stance.meetingId) : null;
  }
}

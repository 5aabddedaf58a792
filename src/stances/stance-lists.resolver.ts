/**
 * The stance lists of actors, meetings and positions (Actor.proposed, Meeting.stances,
 * Position.rejectedBy…). They live with the stances rather than with their parents so that
 * imports run one way: stances know actors, meetings and positions, never the reverse.
 */
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import type { RequestContext } from '../request/context.js';
import { StanceKind } from '../shared/enums.js';
import { PageInput } from '../shared/page.js';
import { listPageArg } from '../shared/paging.js';
import { StanceListArgs, stanceListKey } from './stance-list.args.js';
import { Stance } from './stance.type.js';

/** A meeting's stances are its own table (a round has dozens), so that list pages by 50. */
const MEETING_STANCES_PAGE_SIZE = 50;

@Resolver(() => Actor)
export class ActorStancesResolver {
  @FieldResolver(() => [Stance], { description: 'Positions this actor proposed, as stances with their sources.' })
  async proposed(@Root() actor: Actor, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByActor.load(stanceListKey(actor.id, StanceKind.PROPOSED, args));
  }

  @FieldResolver(() => [Stance], { description: 'Positions this actor rejected.' })
  async rejected(@Root() actor: Actor, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByActor.load(stanceListKey(actor.id, StanceKind.REJECTED, args));
  }

  @FieldResolver(() => [Stance], { description: 'Positions this actor agreed to.' })
  async agreedTo(@Root() actor: Actor, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByActor.load(stanceListKey(actor.id, StanceKind.AGREED_TO, args));
  }

  @FieldResolver(() => [Stance], { description: 'Positions this actor is considering (under review).' })
  async considering(@Root() actor: Actor, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByActor.load(stanceListKey(actor.id, StanceKind.CONSIDERING, args));
  }
}

@Resolver(() => Meeting)
export class MeetingStancesResolver {
  @FieldResolver(() => [Stance], { description: 'Stances taken at this meeting.' })
  async stances(
    @Root() meeting: Meeting,
    @Arg('kind', () => StanceKind, { nullable: true, description: 'Only stances of this kind.' }) kind: StanceKind | null,
    @Arg('includeRetracted', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' }) includeRetracted: boolean,
    @Arg('page', () => PageInput, listPageArg(MEETING_STANCES_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance[]> {
    return ctx.loaders.stancesByMeeting.load(stanceListKey(meeting.id, kind, { includeRetracted, page }, MEETING_STANCES_PAGE_SIZE));
  }
}

// Declared on the interface, so Demand, Proposal and Concession inherit them.
@Resolver(() => Position)
export class PositionStancesResolver {
  @FieldResolver(() => [Stance], { description: 'Who proposed it, per source.' })
  async proposedBy(@Root() position: Position, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByPosition.load(stanceListKey(position.id, StanceKind.PROPOSED, args));
  }

  @FieldResolver(() => [Stance], { description: 'Who rejected it, per source.' })
  async rejectedBy(@Root() position: Position, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByPosition.load(stanceListKey(position.id, StanceKind.REJECTED, args));
  }

  @FieldResolver(() => [Stance], { description: 'Who agreed to it, per source.' })
  async agreedBy(@Root() position: Position, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByPosition.load(stanceListKey(position.id, StanceKind.AGREED_TO, args));
  }

  @FieldResolver(() => [Stance], { description: 'Who is considering it, per source.' })
  async consideredBy(@Root() position: Position, @Args(() => StanceListArgs) args: StanceListArgs, @Ctx() ctx: RequestContext): Promise<Stance[]> {
    return ctx.loaders.stancesByPosition.load(stanceListKey(position.id, StanceKind.CONSIDERING, args));
  }
}

/**
 * The relation fields, added to existing types from here: Stance.targets, Actor.targetedBy,
 * Position.involves, Actor.involvedIn, and the ends of StanceTarget and Involvement. The four
 * lists grow with the data (an actor can be the target of thousands of stances), so each takes
 * a `page` like every nested list (at most 200), cut per parent in the database; the role
 * filter is applied there too, before the page is cut.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import type { RequestContext } from '../request/context.js';
import { Position } from '../positions/position.type.js';
import { InvolvementRole } from '../shared/enums.js';
import { loadRequired } from '../shared/load.js';
import { PageInput } from '../shared/page.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { Stance } from '../stances/stance.type.js';
import { relationLoaders } from './relation.loaders.js';
import { Involvement, StanceTarget } from './relation.type.js';

const ROLE_ARG = { nullable: true, description: 'Only this role.' } as const;

/**
 * The default page of the lists of one claim: whom one stance addresses and whom one position
 * involves are a few actors (at most 4 in the seed), so 10 holds them all, and a query over a
 * page of stances or positions keeps the cost it had when these lists were priced at 10. An
 * actor's lists (targetedBy, involvedIn) accumulate over the talks, like its stances, and take
 * the nested default (25).
 */
const CLAIM_PAGE_SIZE = 10;

@Resolver(() => Stance)
export class StanceTargetsResolver {
  @FieldResolver(() => [StanceTarget], {
    description: 'Whom the stance is addressed to or demands something of (PLOVER’s target actor), each with its sources. Empty when no source names one.',
  })
  async targets(
    @Root() stance: Stance,
    @Arg('page', () => PageInput, listPageArg(CLAIM_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceTarget[]> {
    return relationLoaders(ctx).targetsByStance.load({ id: stance.id, window: toListWindow(page, CLAIM_PAGE_SIZE) });
  }
}

@Resolver(() => StanceTarget)
export class StanceTargetResolver {
  @FieldResolver(() => Actor, { description: 'The target actor.' })
  async actor(@Root() target: StanceTarget, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, target.actorId, 'Actor');
  }
}

@Resolver(() => Position)
export class PositionInvolvesResolver {
  @FieldResolver(() => [Involvement], { description: 'Actors this position involves, each with its role and sources.' })
  async involves(
    @Root() position: Position,
    @Arg('role', () => InvolvementRole, ROLE_ARG) role: InvolvementRole | null,
    @Arg('page', () => PageInput, listPageArg(CLAIM_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Involvement[]> {
    return relationLoaders(ctx)
      .involvementByPosition(role ?? null)
      .load({ id: position.id, window: toListWindow(page, CLAIM_PAGE_SIZE) });
  }
}

@Resolver(() => Actor)
export class ActorRelationsResolver {
  @FieldResolver(() => [Involvement], {
    description: 'Positions that involve this actor, with its role: what it must do, what it would gain, where it would take part.',
  })
  async involvedIn(
    @Root() actor: Actor,
    @Arg('role', () => InvolvementRole, ROLE_ARG) role: InvolvementRole | null,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Involvement[]> {
    return relationLoaders(ctx)
      .involvementByActor(role ?? null)
      .load({ id: actor.id, window: toListWindow(page) });
  }

  @FieldResolver(() => [Stance], { description: 'Stances addressed to this actor (it is their target): what others demanded of, offered or proposed to it.' })
  async targetedBy(
    @Root() actor: Actor,
    @Arg('includeRetracted', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' }) includeRetracted: boolean,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance[]> {
    return relationLoaders(ctx)
      .targetedBy(includeRetracted ?? false)
      .load({ id: actor.id, window: toListWindow(page) });
  }
}

@Resolver(() => Involvement)
export class InvolvementResolver {
  @FieldResolver(() => Actor, { description: 'The actor involved.' })
  async actor(@Root() involvement: Involvement, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, involvement.actorId, 'Actor');
  }

  @FieldResolver(() => Position, { description: 'The position that involves it.' })
  async position(@Root() involvement: Involvement, @Ctx() ctx: RequestContext): Promise<Position> {
    return loadRequired(ctx.loaders.position, involvement.positionId, 'Position');
  }
}

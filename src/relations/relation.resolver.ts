/**
 * The relation fields, added to existing types from here: Stance.targets, Actor.targetedBy,
 * Position.involves, Actor.involvedIn, and the ends of StanceTarget and Involvement.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import type { RequestContext } from '../graph/context.js';
import { Position } from '../positions/position.type.js';
import { InvolvementRole } from '../shared/enums.js';
import { loadRequired } from '../shared/load.js';
import { Stance } from '../stances/stance.type.js';
import { relationLoaders } from './relation.loaders.js';
import { Involvement, StanceTarget } from './relation.type.js';

const ROLE_ARG = { nullable: true, description: 'Only this role.' } as const;
const byRole = (items: Involvement[], role: InvolvementRole | null) => (role ? items.filter((i) => i.role === role) : items);

@Resolver(() => Stance)
export class StanceTargetsResolver {
  @FieldResolver(() => [StanceTarget], {
    description: 'Whom the stance is addressed to or demands something of (PLOVER’s target actor), each with its sources. Empty when no source names one.',
  })
  async targets(@Root() stance: Stance, @Ctx() ctx: RequestContext): Promise<StanceTarget[]> {
    return relationLoaders(ctx).targetsByStance.load(stance.id);
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
    @Ctx() ctx: RequestContext,
  ): Promise<Involvement[]> {
    return byRole(await relationLoaders(ctx).involvementByPosition.load(position.id), role);
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
    @Ctx() ctx: RequestContext,
  ): Promise<Involvement[]> {
    return byRole(await relationLoaders(ctx).involvementByActor.load(actor.id), role);
  }

  @FieldResolver(() => [Stance], { description: 'Stances addressed to this actor (it is their target): what others demanded of, offered or proposed to it.' })
  async targetedBy(
    @Root() actor: Actor,
    @Arg('includeRetracted', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' }) includeRetracted: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance[]> {
    const loaders = relationLoaders(ctx);
    return (includeRetracted ? loaders.targetedByAll : loaders.targetedByActive).load(actor.id);
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

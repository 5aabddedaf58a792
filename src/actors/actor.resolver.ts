import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../request/context.js';
import { ActorKind } from '../shared/enums.js';
import { loadRequired } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { Actor, Membership } from './actor.type.js';

@ObjectType({ description: 'A page of actors and how many match in total.' })
export class ActorPage extends PageOf(Actor, 'Actor') {}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'One actor by id (e.g. "actor:vladimir-medinsky"); null when there is none.' })
  async actor(
    @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Actor | null> {
    // The stance lists the selection asks for are loaded first, and their query brings the actor
    // along into its loader: one query for both. Only an actor without stances of the asked
    // kinds is then looked up on its own. (The lists' resolvers live in stances/, which the
    // composition root wires into the loaders.)
    const lists = ctx.loaders.prefetchActorStanceLists(info, id);
    if (lists.length > 0) await Promise.all(lists);
    return ctx.loaders.actor.load(id);
  }

  @Query(() => ActorPage, { description: 'Actors by kind and name. Names match case- and accent-insensitively, aliases included ("Erdogan" finds "Erdoğan").' })
  async actors(
    @Arg('kind', () => ActorKind, { nullable: true, description: 'Only actors of this kind.' }) kind: ActorKind | null,
    @Arg('name', () => String, { nullable: true, description: 'A part of the name or an alias.' }) name: string | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ActorPage> {
    return ctx.repos.actors.list({ kind: kind ?? null, name }, toWindow(page));
  }

  @FieldResolver(() => [Membership], { description: 'Groups this actor belongs to (a delegation, a state).' })
  async memberOf(@Root() actor: Actor, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    return ctx.loaders.membershipsByMember.load({ id: actor.id, window: toListWindow(page) });
  }

  @FieldResolver(() => [Membership], { description: 'Members of this actor, when it is a group.' })
  async members(@Root() actor: Actor, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    return ctx.loaders.membershipsByGroup.load({ id: actor.id, window: toListWindow(page) });
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Actor, { description: 'The member.' })
  async member(@Root() membership: Membership, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, membership.memberId, 'Actor');
  }

  @FieldResolver(() => Actor, { description: 'The group it belongs to.' })
  async group(@Root() membership: Membership, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, membership.groupId, 'Actor');
  }
}

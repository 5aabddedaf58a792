import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../graph/context.js';
import { Attendance } from '../meetings/meeting.type.js';
import { Document } from '../documents/document.type.js';
import { Disagreement } from '../disagreements/disagreement.type.js';
import { ActorKind, StanceKind } from '../shared/enums.js';
import { loadExisting, loadRequired } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { Stance } from '../stances/stance.type.js';
import { StanceListArgs, stanceListKey } from '../stances/stance-list.args.js';
import { Actor, Membership } from './actor.type.js';

@ObjectType({ description: 'A page of actors and how many match in total.' })
export class ActorPage extends PageOf(Actor, 'Actor') {}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'One actor by id (e.g. "actor:vladimir-medinsky"); null when there is none.' })
  async actor(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Actor | null> {
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

  @FieldResolver(() => [Membership], { description: 'Groups this actor belongs to (a delegation, a state).' })
  async memberOf(@Root() actor: Actor, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    return ctx.loaders.membershipsByMember.load({ id: actor.id, window: toListWindow(page) });
  }

  @FieldResolver(() => [Membership], { description: 'Members of this actor, when it is a group.' })
  async members(@Root() actor: Actor, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    return ctx.loaders.membershipsByGroup.load({ id: actor.id, window: toListWindow(page) });
  }

  @FieldResolver(() => [Attendance], { description: 'Meetings this actor attended, with its role.' })
  async attended(@Root() actor: Actor, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Attendance[]> {
    return ctx.loaders.attendanceByActor.load({ id: actor.id, window: toListWindow(page) });
  }

  @FieldResolver(() => [Document], { description: 'Documents this actor authored.' })
  async authored(@Root() actor: Actor, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Document[]> {
    const links = await ctx.loaders.authorshipByActor.load({ id: actor.id, window: toListWindow(page) });
    return loadExisting(
      ctx.loaders.document,
      links.map((link) => link.toId),
    );
  }

  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this actor.' })
  async disagreements(
    @Root() actor: Actor,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load({ id: actor.id, window: toListWindow(page) });
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

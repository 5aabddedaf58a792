import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Disagreement } from '../disagreements/disagreement.type.js';
import { Document } from '../documents/document.type.js';
import type { RequestContext } from '../graph/context.js';
import { PositionType, StanceKind, Topic } from '../shared/enums.js';
import { loadExisting } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { StanceListArgs, stanceListKey } from '../stances/stance-list.args.js';
import { Stance } from '../stances/stance.type.js';
import { Position } from './position.type.js';

@ObjectType({ description: 'A page of demands, proposals and concessions and how many match in total.' })
export class PositionPage extends PageOf(Position, 'Position') {}

// Field resolvers declared on the interface are inherited by Demand, Proposal and Concession.
@Resolver(() => Position)
export class PositionResolver {
  @Query(() => Position, { nullable: true, description: 'One demand, proposal or concession by id; null when there is none.' })
  async position(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Position | null> {
    return ctx.loaders.position.load(id);
  }

  @Query(() => PositionPage, { description: 'Demands, proposals and concessions, by type, topic and title (case- and accent-insensitive).' })
  async positions(
    @Arg('type', () => PositionType, { nullable: true, description: 'Only demands, proposals or concessions.' }) type: PositionType | null,
    @Arg('topics', () => [Topic], { nullable: true, description: 'On any of these topics.' }) topics: Topic[] | null,
    @Arg('title', () => String, { nullable: true, description: 'A part of the title or summary.' }) title: string | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PositionPage> {
    return ctx.repos.positions.list({ type: type ?? null, topics: topics ?? null, title }, toWindow(page));
  }

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

  @FieldResolver(() => [Document], { description: 'Documents that put this position forward (e.g. a memorandum).' })
  async documents(
    @Root() position: Position,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Document[]> {
    const links = await ctx.loaders.contentsByPosition.load({ id: position.id, window: toListWindow(page) });
    return loadExisting(
      ctx.loaders.document,
      links.map((link) => link.fromId),
    );
  }

  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this position.' })
  async disagreements(
    @Root() position: Position,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load({ id: position.id, window: toListWindow(page) });
  }
}

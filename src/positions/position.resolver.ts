import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';

import type { RequestContext } from '../request/context.js';
import { PositionType, Topic } from '../shared/enums.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { Selection } from '../shared/selection.js';
import { Position } from './position.type.js';

@ObjectType({ description: 'A page of demands, proposals and concessions and how many match in total.' })
export class PositionPage extends PageOf(Position, 'Position') {}

// Field resolvers declared on the interface are inherited by Demand, Proposal and Concession.
@Resolver(() => Position)
export class PositionResolver {
  @Query(() => Position, { nullable: true, description: 'One demand, proposal or concession by id; null when there is none.' })
  async position(
    @Arg('id', () => ID, { description: 'The id to look up.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Position | null> {
    // The stance lists the selection asks for bring the position along (see actor(id)).
    const lists = ctx.loaders.prefetchPositionStanceLists(info, id);
    if (lists.length > 0) await Promise.all(lists);
    return ctx.loaders.position.load(id);
  }

  @Query(() => PositionPage, { description: 'Demands, proposals and concessions, by type, topic and title (case- and accent-insensitive).' })
  async positions(
    @Arg('type', () => PositionType, { nullable: true, description: 'Only demands, proposals or concessions.' }) type: PositionType | null,
    @Arg('topics', () => [Topic], { nullable: true, description: 'On any of these topics.' }) topics: Topic[] | null,
    @Arg('title', () => String, { nullable: true, description: 'A part of the title or summary.' }) title: string | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PositionPage> {
    const items = Selection.of(info).at('items');
    const asked = { summary: items.has('summary'), evidence: items.has('evidence', 'sources') };
    return ctx.repos.positions.list({ type: type ?? null, topics: topics ?? null, title }, toWindow(page), asked);
  }
}

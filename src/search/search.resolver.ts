import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, Float, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { GraphNode, type GraphNodeRecord } from '../nodes/graph-node.js';
import { Selection } from '../shared/selection.js';
import { toFullTextQuery } from '../shared/text.js';

@ObjectType({ description: 'One search result with its relevance score.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' })
  score!: number;

  @Field(() => String, { description: 'What kind of item matched: Actor, Meeting, Position, Document, Source, Disagreement or Stance.' })
  kind!: string;

  // Fetched only when selected (see search()), so present whenever GraphQL resolves it.
  @Field(() => GraphNode, { description: 'The item that matched.' })
  item?: GraphNodeRecord;
}

const MAX_SEARCH_RESULTS = 100;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over names, aliases, titles, summaries and evidence quotes, best first. Accents and case are ignored ("Ciragan" finds "Çırağan"); the text is searched for as words, never parsed as a query language.',
  })
  async search(
    @Arg('text', () => String, { description: 'Words to look for; all must occur.' }) text: string,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 20, description: `At most this many results (1–${MAX_SEARCH_RESULTS}).` }) limit: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS)
      throw badUserInput('limit', `must be between 1 and ${MAX_SEARCH_RESULTS}, got ${limit}`);
    if (text.length > 500) throw badUserInput('text', 'must be at most 500 characters');
    const query = toFullTextQuery(text);
    if (query === undefined) return [];
    // Scores and kinds alone need no item: its properties are then not read at all.
    return ctx.repos.search.search(query, limit, !Selection.of(info).at('item').isEmpty());
  }
}

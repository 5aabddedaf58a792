import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import { GraphNode, type GraphNodeRecord, NODE_KIND_BY_LABEL } from '../graph/graph-node.js';
import { type Props, toActor, toDisagreement, toDocument, toMeeting, toPosition, toSource, toStance } from '../shared/mapping.js';
import { toFullTextQuery } from '../shared/text.js';

@ObjectType({ description: 'One search result with its relevance score.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' })
  score!: number;

  @Field(() => String, { description: 'What kind of item matched: Actor, Meeting, Position, Document, Source, Disagreement or Stance.' })
  kind!: string;

  @Field(() => GraphNode, { description: 'The item that matched.' })
  item!: GraphNodeRecord;
}

const MAX_SEARCH_RESULTS = 100;

/** Turns a full-text row into a tagged record; the label picks the mapping. */
function toHit(labels: string[], item: Props, score: number): SearchHit | undefined {
  const kind = labels.map((label) => NODE_KIND_BY_LABEL[label]).find((k) => k !== undefined);
  const record = ((): GraphNodeRecord | undefined => {
    switch (kind) {
      case 'Actor':
        return { ...toActor(item), nodeKind: kind };
      case 'Meeting':
        return { ...toMeeting(item), nodeKind: kind };
      case 'Position':
        return { ...toPosition(item), nodeKind: kind };
      case 'Document':
        return { ...toDocument(item), nodeKind: kind };
      case 'Source':
        return { ...toSource(item), nodeKind: kind };
      case 'Disagreement':
        return { ...toDisagreement({ ...item, concernIds: [] }), nodeKind: kind };
      case 'Stance':
        return { ...toStance(item), nodeKind: kind };
      case undefined:
        return undefined;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  })();
  return record && kind ? { score, kind, item: record } : undefined;
}

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
  ): Promise<SearchHit[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS)
      throw badUserInput('limit', `must be between 1 and ${MAX_SEARCH_RESULTS}, got ${limit}`);
    if (text.length > 500) throw badUserInput('text', 'must be at most 500 characters');
    const query = toFullTextQuery(text);
    if (query === undefined) return [];
    const rows = await ctx.executor.read('search/search-text', { query, limit });
    return rows.map((row) => toHit(row['labels'] as string[], row['item'] as Props, Number(row['score']))).filter((hit): hit is SearchHit => hit !== undefined);
  }
}

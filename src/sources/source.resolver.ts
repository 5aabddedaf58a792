import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../graph/context.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { Evidence, type EvidenceRecord, Source, Sourced } from './source.type.js';

@ObjectType({ description: 'A page of sources and how many there are in total.' })
export class SourcePage extends PageOf(Source, 'Source') {}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'One source by id; null when there is none.' })
  async source(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Source | null> {
    return ctx.loaders.source.load(id);
  }

  @Query(() => SourcePage, { description: 'Every source the graph cites, oldest first.' })
  async sources(@Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<SourcePage> {
    return ctx.repos.sources.list(toWindow(page));
  }
}

@Resolver(() => Sourced)
export class SourcedResolver {
  @FieldResolver(() => [Source])
  async sources(@Root() item: Sourced, @Ctx() ctx: RequestContext): Promise<Source[]> {
    return loadSources(item.evidence, ctx);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source, { description: 'The source the quote is from.' })
  async source(@Root() evidence: EvidenceRecord, @Ctx() ctx: RequestContext): Promise<Source> {
    return (await ctx.loaders.source.load(evidence.sourceId)) ?? missingSource(evidence.sourceId);
  }
}

export async function loadSources(evidence: EvidenceRecord[], ctx: RequestContext): Promise<Source[]> {
  const sources = await ctx.loaders.source.loadMany(evidence.map((e) => e.sourceId));
  return sources.map((source, i) => {
    if (source instanceof Error) throw source;
    return source ?? missingSource(evidence[i]?.sourceId ?? '?');
  });
}

/** A fact cites a source id that has no Source node: show the id rather than fail the request. */
function missingSource(id: string): Source {
  return { id, publisher: '(unknown source)', title: id, publishedAt: null, language: null, url: null };
}

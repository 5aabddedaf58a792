import { Arg, Ctx, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../request/context.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { locateQuote, type QuoteSpan } from '../write/quote-check.js';
import { Evidence, type EvidenceRecord, fetchedSource, fetchedSources, Source, Sourced } from './source.type.js';
import { missingSource } from './source.mapping.js';

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

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The full text of the report, when it is stored; every quote citing this source then occurs in it verbatim. Null for sources stored without text.',
  })
  async text(@Root() source: Source, @Ctx() ctx: RequestContext): Promise<string | null> {
    // Loaded only when asked for (one query for all sources of the request): texts are large.
    return source.text ?? ctx.loaders.sourceText.load(source.id);
  }
}

@Resolver(() => Sourced)
export class SourcedResolver {
  @FieldResolver(() => [Source])
  // Readonly<Sourced>, not Sourced: a root typed as a class is copied into a new instance per field (see StanceRoot).
  sources(@Root() item: Readonly<Sourced>, @Ctx() ctx: RequestContext): Source[] | Promise<Source[]> {
    // Fetched with the fact already (look-ahead on a stance list): returned without a promise.
    return fetchedSources(item) ?? loadSources(item.evidence, ctx);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source, { description: 'The source the quote is from.' })
  source(@Root() evidence: EvidenceRecord, @Ctx() ctx: RequestContext): Source | Promise<Source> {
    return fetchedSource(evidence) ?? ctx.loaders.source.load(evidence.sourceId).then((source) => source ?? missingSource(evidence.sourceId));
  }

  // Offsets are found in the stored text when asked for, so they always match the text as it is.
  @FieldResolver(() => Int, { nullable: true })
  async start(@Root() evidence: EvidenceRecord, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await spanOf(evidence, ctx))?.start ?? null;
  }

  @FieldResolver(() => Int, { nullable: true })
  async end(@Root() evidence: EvidenceRecord, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await spanOf(evidence, ctx))?.end ?? null;
  }
}

async function spanOf(evidence: EvidenceRecord, ctx: RequestContext): Promise<QuoteSpan | null> {
  const text = await ctx.loaders.sourceText.load(evidence.sourceId);
  return text ? locateQuote(text, evidence.quote) : null;
}

export async function loadSources(evidence: EvidenceRecord[], ctx: RequestContext): Promise<Source[]> {
  const sources = await ctx.loaders.source.loadMany(evidence.map((e) => e.sourceId));
  return sources.map((source, i) => {
    if (source instanceof Error) throw source;
    return source ?? missingSource(evidence[i]?.sourceId ?? '?');
  });
}

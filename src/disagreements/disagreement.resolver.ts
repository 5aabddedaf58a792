import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../graph/context.js';
import { GraphNode, type GraphNodeRecord, loadNode } from '../graph/graph-node.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { Source } from '../sources/source.type.js';
import { loadSources } from '../sources/source.resolver.js';
import { Disagreement, DisagreementVersion } from './disagreement.type.js';

@ObjectType({ description: 'A page of disagreements and how many match in total.' })
export class DisagreementPage extends PageOf(Disagreement, 'Disagreement') {}

@Resolver(() => Disagreement)
export class DisagreementResolver {
  @Query(() => Disagreement, { nullable: true, description: 'One disagreement by id; null when there is none.' })
  async disagreement(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Disagreement | null> {
    return ctx.loaders.disagreement.load(id);
  }

  @Query(() => DisagreementPage, { description: 'Where the sources disagree, each version with its source and quote.' })
  async disagreements(
    @Arg('concerning', () => ID, { nullable: true, description: 'Only those about this node (an actor, meeting, position…).' }) concerning: string | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DisagreementPage> {
    return ctx.repos.disagreements.list(concerning ?? null, toWindow(page));
  }

  @FieldResolver(() => [GraphNode], { description: 'What the disagreement is about.' })
  async concerns(@Root() disagreement: Disagreement, @Ctx() ctx: RequestContext): Promise<GraphNodeRecord[]> {
    const nodes = await Promise.all(disagreement.concernIds.map((id) => loadNode(ctx.loaders, id)));
    return nodes.filter((node): node is GraphNodeRecord => node !== null);
  }

  @FieldResolver(() => [Source], { description: 'Every source that takes part in the disagreement.' })
  async sources(@Root() disagreement: Disagreement, @Ctx() ctx: RequestContext): Promise<Source[]> {
    const unique = [...new Set(disagreement.versions.map((v) => v.sourceId))];
    return loadSources(
      unique.map((sourceId) => ({ sourceId, quote: '' })),
      ctx,
    );
  }
}

@Resolver(() => DisagreementVersion)
export class DisagreementVersionResolver {
  @FieldResolver(() => Source, { description: 'The source that gives this version.' })
  async source(@Root() version: DisagreementVersion, @Ctx() ctx: RequestContext): Promise<Source> {
    const [source] = await loadSources([{ sourceId: version.sourceId, quote: version.quote }], ctx);
    return source as Source;
  }
}

import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import type { RequestContext } from '../request/context.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
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

// The disagreements about an actor, a meeting or a position live here, with the
// disagreements: they know what they concern, never the reverse.
@Resolver(() => Actor)
export class ActorDisagreementsResolver {
  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this actor.' })
  async disagreements(
    @Root() actor: Actor,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load({ id: actor.id, window: toListWindow(page) });
  }
}

@Resolver(() => Meeting)
export class MeetingDisagreementsResolver {
  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this meeting.' })
  async disagreements(
    @Root() meeting: Meeting,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load({ id: meeting.id, window: toListWindow(page) });
  }
}

@Resolver(() => Position)
export class PositionDisagreementsResolver {
  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this position.' })
  async disagreements(
    @Root() position: Position,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load({ id: position.id, window: toListWindow(page) });
  }
}

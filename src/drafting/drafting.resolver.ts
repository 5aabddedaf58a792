import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import { Source } from '../sources/source.type.js';
import { CandidateActor, DraftedStance, PositionMatch, StanceDraft } from './drafting.type.js';

@Resolver(() => StanceDraft)
export class DraftingResolver {
  @Query(() => StanceDraft, {
    description:
      'The coding assistant: reads the stored text of a source and drafts stance candidates (kind, actor, position, quote with offsets, codes, confidence). Writes nothing; accept a candidate with recordStance. NOT_FOUND for an unknown source, BAD_USER_INPUT for one without text.',
  })
  async draftStances(
    @Arg('sourceId', () => ID, { description: 'A source with text.' }) sourceId: string,
    @Arg('minConfidence', () => Float, { defaultValue: 0, description: 'Leave out candidates less sure than this (0..1).' }) minConfidence: number,
    @Arg('positionsPerCandidate', () => Int, { defaultValue: 3, description: 'How many existing positions to suggest per candidate (1..10).' })
    positionsPerCandidate: number,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceDraft> {
    if (!Number.isInteger(positionsPerCandidate) || positionsPerCandidate < 1 || positionsPerCandidate > 10)
      throw badUserInput('positionsPerCandidate', `must be between 1 and 10, got ${positionsPerCandidate}`);
    return ctx.services.draftStances(sourceId, { minConfidence, positionsPerCandidate });
  }

  @FieldResolver(() => Source, { description: 'The source read.' })
  async source(@Root() draft: StanceDraft, @Ctx() ctx: RequestContext): Promise<Source | null> {
    return ctx.loaders.source.load(draft.sourceId);
  }
}

@Resolver(() => DraftedStance)
export class DraftedStanceResolver {
  @FieldResolver(() => Meeting, {
    nullable: true,
    description: 'The meeting: one on a date the sentence names, else one held on or just before the publication date.',
  })
  async meeting(@Root() candidate: DraftedStance, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return candidate.meetingId ? ctx.loaders.meeting.load(candidate.meetingId) : null;
  }
}

@Resolver(() => CandidateActor)
export class CandidateActorResolver {
  @FieldResolver(() => Actor, { nullable: true, description: 'The matched actor; null for a new name.' })
  async actor(@Root() candidate: CandidateActor, @Ctx() ctx: RequestContext): Promise<Actor | null> {
    return candidate.actorId ? ctx.loaders.actor.load(candidate.actorId) : null;
  }
}

@Resolver(() => PositionMatch)
export class PositionMatchResolver {
  @FieldResolver(() => Position, { description: 'The position.' })
  async position(@Root() match: PositionMatch, @Ctx() ctx: RequestContext): Promise<Position | null> {
    return ctx.loaders.position.load(match.positionId);
  }
}

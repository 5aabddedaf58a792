import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';

import { ConnectionEdgeKind } from '../connections/connection.js';
import { findConnection } from '../connections/connection.repository.js';
import { badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { Position } from '../positions/position.type.js';
import { Topic } from '../shared/enums.js';
import { PageInput } from '../shared/page.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { perSelection } from '../shared/per-selection.js';
import { checkDateRange, LocalDate } from '../shared/scalars.js';
import { Dispute, GraphPath, TimelineEvent } from './analysis.type.js';

const MAX_ACTORS = 20;
/** Each side's stances per disputed position are capped; Position.proposedBy / rejectedBy page through all. */
export const DISPUTE_STANCE_CAP = 50;
/** commonGround and disputes list positions with their stances: pages of 20 keep such questions inside the cost limit. */
const ANALYSIS_PAGE_SIZE = 20;

// What commonGround and connection read depends on the selection alone: read once per parsed
// document (src/shared/per-selection.ts), not on every request repeating it.
const askedOfCommonGround = perSelection((asked) => ({
  evidence: asked.has('evidence', 'sources'),
  summary: asked.has('summary'),
  topics: asked.has('topics'),
}));
const askedOfPaths = perSelection((selection) => {
  const edges = selection.at('edges');
  const nodes = selection.at('nodes');
  return { edges: !edges.isEmpty(), evidence: edges.has('evidence', 'sources'), nodeIds: nodes.has('id'), nodeKinds: nodes.has('kind') };
});
const INCLUDE_MEMBERS = {
  nullable: true,
  defaultValue: true,
  description: 'Count stances of members for their groups (a delegation or its head for the state). Default true.',
} as const;

function checkActorIds(actorIds: string[], min: number): void {
  if (actorIds.length < min || actorIds.length > MAX_ACTORS)
    throw badUserInput('actorIds', `must list ${min} to ${MAX_ACTORS} actor ids, got ${actorIds.length}`);
}

function checkLimit(limit: number, max: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw badUserInput('limit', `must be between 1 and ${max}, got ${limit}`);
}

@Resolver()
export class AnalysisResolver {
  @Query(() => [Position], {
    description:
      'Positions that all of the given actors agreed to; with `meetingId`, agreed at that meeting. Each position’s `agreedBy` lists who said so, per source.',
  })
  async commonGround(
    @Arg('actorIds', () => [ID], { description: 'The actors (1 to 20) that must all have agreed.' }) actorIds: string[],
    @Arg('meetingId', () => ID, { nullable: true, description: 'Only agreements reached at this meeting.' }) meetingId: string | null,
    @Arg('includeMembers', () => Boolean, INCLUDE_MEMBERS) includeMembers: boolean,
    @Arg('page', () => PageInput, listPageArg(ANALYSIS_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Position[]> {
    checkActorIds(actorIds, 1);
    return ctx.repos.analysis.commonGround(actorIds, meetingId ?? null, includeMembers, toListWindow(page, ANALYSIS_PAGE_SIZE), askedOfCommonGround(info));
  }

  @Query(() => [Dispute], { description: 'Positions one of the given actors proposed and another rejected.' })
  async disputes(
    @Arg('actorIds', () => [ID], { description: 'The sides (2 to 20) to compare.' }) actorIds: string[],
    @Arg('includeMembers', () => Boolean, INCLUDE_MEMBERS) includeMembers: boolean,
    @Arg('page', () => PageInput, listPageArg(ANALYSIS_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Dispute[]> {
    checkActorIds(actorIds, 2);
    return ctx.repos.analysis.disputes(actorIds, includeMembers, toListWindow(page, ANALYSIS_PAGE_SIZE), DISPUTE_STANCE_CAP);
  }

  @Query(() => [GraphPath], {
    description:
      'Shortest paths (up to 6 edges, any direction) between two nodes: how two actors, or an actor and a position, are connected. Paths through what actors said and did (stances, targets, involvement, attendance) are preferred over membership and document chains; retracted stances (and their targets) connect nothing; each edge carries its kind and sources.',
  })
  async connection(
    @Arg('fromId', () => ID, { description: 'Where the paths start: an actor, meeting, position, document or disagreement.' }) fromId: string,
    @Arg('toId', () => ID, { description: 'Where the paths end.' }) toId: string,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 5, description: 'At most this many paths (1–25).' }) limit: number,
    @Arg('via', () => [ConnectionEdgeKind], {
      nullable: true,
      description: 'Only edges of these kinds, e.g. [STANCE, TARGET, INVOLVEMENT]. Default: substantive edges first, every kind when they do not connect.',
    })
    via: ConnectionEdgeKind[] | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphPath[]> {
    checkLimit(limit, 25);
    return findConnection(ctx.reader, fromId, toId, limit, via, askedOfPaths(info));
  }

  @Query(() => [TimelineEvent], { description: 'Meetings and stances in date order, for an actor (and its members) and a topic.' })
  async timeline(
    @Arg('actorId', () => ID, { nullable: true, description: 'Only this actor (and, with includeMembers, its members).' }) actorId: string | null,
    @Arg('topic', () => Topic, { nullable: true, description: 'Only stances on this topic, and the meetings where they were taken.' }) topic: Topic | null,
    @Arg('from', () => LocalDate, { nullable: true, description: 'On or after this day.' }) from: string | null,
    @Arg('to', () => LocalDate, { nullable: true, description: 'On or before this day.' }) to: string | null,
    @Arg('includeMembers', () => Boolean, INCLUDE_MEMBERS) includeMembers: boolean,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200, description: 'At most this many events (1–1000).' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TimelineEvent[]> {
    checkLimit(limit, 1000);
    checkDateRange(from, to);
    return ctx.repos.analysis.timeline({ actorId: actorId ?? null, topic: topic ?? null, from: from ?? null, to: to ?? null, includeMembers, limit });
  }
}

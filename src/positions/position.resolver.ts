import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Disagreement } from '../disagreements/disagreement.type.js';
import { Document } from '../documents/document.type.js';
import type { RequestContext } from '../graph/context.js';
import { PositionType, StanceKind, Topic } from '../shared/enums.js';
import { loadExisting } from '../shared/load.js';
import { toPosition } from '../shared/mapping.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { foldText } from '../shared/text.js';
import { activeUnless, atMeeting } from '../stances/stance.rules.js';
import { Stance } from '../stances/stance.type.js';
import { Position } from './position.type.js';

@ObjectType({ description: 'A page of demands, proposals and concessions and how many match in total.' })
export class PositionPage extends PageOf(Position, 'Position') {}

const INCLUDE_RETRACTED = { nullable: true, defaultValue: false, description: 'Also list retracted stances.' } as const;
const AT_MEETING = { nullable: true, description: 'Only stances taken at this meeting.' } as const;

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
    const window = toWindow(page);
    const [row] = await ctx.executor.read('positions/list-positions', {
      type: type ?? null,
      topics: topics && topics.length > 0 ? topics : null,
      title: title ? foldText(title) : null,
      ...window,
    });
    return { total: Number(row?.['total'] ?? 0), ...window, items: ((row?.['items'] as Record<string, unknown>[]) ?? []).map(toPosition) };
  }

  @FieldResolver(() => [Stance], { description: 'Who proposed it, per source.' })
  async proposedBy(
    @Root() position: Position,
    @Arg('includeRetracted', () => Boolean, INCLUDE_RETRACTED) includeRetracted: boolean,
    @Arg('meetingId', () => ID, AT_MEETING) meetingId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return atMeeting(meetingId, activeUnless(includeRetracted, await ctx.loaders.stancesByPosition.load({ id: position.id, kind: StanceKind.PROPOSED })));
  }

  @FieldResolver(() => [Stance], { description: 'Who rejected it, per source.' })
  async rejectedBy(
    @Root() position: Position,
    @Arg('includeRetracted', () => Boolean, INCLUDE_RETRACTED) includeRetracted: boolean,
    @Arg('meetingId', () => ID, AT_MEETING) meetingId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return atMeeting(meetingId, activeUnless(includeRetracted, await ctx.loaders.stancesByPosition.load({ id: position.id, kind: StanceKind.REJECTED })));
  }

  @FieldResolver(() => [Stance], { description: 'Who agreed to it, per source.' })
  async agreedBy(
    @Root() position: Position,
    @Arg('includeRetracted', () => Boolean, INCLUDE_RETRACTED) includeRetracted: boolean,
    @Arg('meetingId', () => ID, AT_MEETING) meetingId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return atMeeting(meetingId, activeUnless(includeRetracted, await ctx.loaders.stancesByPosition.load({ id: position.id, kind: StanceKind.AGREED_TO })));
  }

  @FieldResolver(() => [Stance], { description: 'Who is considering it, per source.' })
  async consideredBy(
    @Root() position: Position,
    @Arg('includeRetracted', () => Boolean, INCLUDE_RETRACTED) includeRetracted: boolean,
    @Arg('meetingId', () => ID, AT_MEETING) meetingId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return atMeeting(meetingId, activeUnless(includeRetracted, await ctx.loaders.stancesByPosition.load({ id: position.id, kind: StanceKind.CONSIDERING })));
  }

  @FieldResolver(() => [Document], { description: 'Documents that put this position forward (e.g. a memorandum).' })
  async documents(@Root() position: Position, @Ctx() ctx: RequestContext): Promise<Document[]> {
    const links = await ctx.loaders.contentsByPosition.load(position.id);
    return loadExisting(
      ctx.loaders.document,
      links.map((link) => link.fromId),
    );
  }

  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this position.' })
  async disagreements(@Root() position: Position, @Ctx() ctx: RequestContext): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load(position.id);
  }
}

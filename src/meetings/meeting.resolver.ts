import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { Disagreement } from '../disagreements/disagreement.type.js';
import type { RequestContext } from '../graph/context.js';
import { MeetingKind, MeetingStatus, StanceKind } from '../shared/enums.js';
import { loadExisting, loadRequired } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { LocalDate } from '../shared/scalars.js';
import { checkDateRange } from '../stances/stance-filter.input.js';
import { stanceListKey } from '../stances/stance-list.args.js';
import { Stance } from '../stances/stance.type.js';
import { Attendance, Meeting } from './meeting.type.js';

@ObjectType({ description: 'A page of meetings and how many match in total.' })
export class MeetingPage extends PageOf(Meeting, 'Meeting') {}

/** A meeting's stances are its own table (a round has dozens), so that list pages by 50. */
const MEETING_STANCES_PAGE_SIZE = 50;

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'One meeting by id (e.g. "meeting:istanbul-2025-06-02"); null when there is none.' })
  async meeting(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return ctx.loaders.meeting.load(id);
  }

  @Query(() => MeetingPage, { description: 'Meetings in date order (undated proposed meetings last).' })
  async meetings(
    @Arg('status', () => MeetingStatus, { nullable: true, description: 'Only meetings with this status.' }) status: MeetingStatus | null,
    @Arg('kinds', () => [MeetingKind], { nullable: true, description: 'Only meetings of these kinds (e.g. [CONSULTATION] for side meetings).' })
    kinds: MeetingKind[] | null,
    @Arg('from', () => LocalDate, { nullable: true, description: 'On or after this day.' }) from: string | null,
    @Arg('to', () => LocalDate, { nullable: true, description: 'On or before this day.' }) to: string | null,
    @Arg('title', () => String, { nullable: true, description: 'A part of the title, venue or city (case- and accent-insensitive).' }) title: string | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingPage> {
    const window = toWindow(page);
    checkDateRange(from, to);
    return ctx.repos.meetings.list({ status: status ?? null, kinds: kinds ?? null, from: from ?? null, to: to ?? null, title }, window);
  }

  @FieldResolver(() => [Attendance], { description: 'Who attended, in which role.' })
  async attendance(
    @Root() meeting: Meeting,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Attendance[]> {
    return ctx.loaders.attendanceByMeeting.load({ id: meeting.id, window: toListWindow(page) });
  }

  @FieldResolver(() => [Stance], { description: 'Stances taken at this meeting.' })
  async stances(
    @Root() meeting: Meeting,
    @Arg('kind', () => StanceKind, { nullable: true, description: 'Only stances of this kind.' }) kind: StanceKind | null,
    @Arg('includeRetracted', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' }) includeRetracted: boolean,
    @Arg('page', () => PageInput, listPageArg(MEETING_STANCES_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance[]> {
    return ctx.loaders.stancesByMeeting.load(stanceListKey(meeting.id, kind, { includeRetracted, page }, MEETING_STANCES_PAGE_SIZE));
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting this one follows (the previous round).' })
  async follows(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    const [previousId] = (await ctx.loaders.meetingLinks.load({ id: meeting.id, window: toListWindow(null) })).previousIds;
    return previousId ? ctx.loaders.meeting.load(previousId) : null;
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings that follow this one.' })
  async followedBy(
    @Root() meeting: Meeting,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting[]> {
    return loadExisting(ctx.loaders.meeting, (await ctx.loaders.meetingLinks.load({ id: meeting.id, window: toListWindow(page) })).nextIds);
  }

  @FieldResolver(() => [Disagreement], { description: 'Places where sources disagree about this meeting.' })
  async disagreements(
    @Root() meeting: Meeting,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement[]> {
    return ctx.loaders.disagreementsByConcerned.load({ id: meeting.id, window: toListWindow(page) });
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Actor, { description: 'Who attended.' })
  async actor(@Root() attendance: Attendance, @Ctx() ctx: RequestContext): Promise<Actor> {
    return loadRequired(ctx.loaders.actor, attendance.actorId, 'Actor');
  }

  @FieldResolver(() => Meeting, { description: 'Which meeting.' })
  async meeting(@Root() attendance: Attendance, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return loadRequired(ctx.loaders.meeting, attendance.meetingId, 'Meeting');
  }
}

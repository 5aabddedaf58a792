/** The meeting mutations (role editor); the service validates and writes in one transaction. */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { CreateMeetingInput, UpdateMeetingInput } from './meeting-curation.input.js';
import { Meeting } from './meeting.type.js';

const service = (ctx: RequestContext) => ctx.services.meetings;

@Resolver()
export class MeetingCurationResolver {
  @Authorized('editor')
  @Mutation(() => Meeting, { description: 'Creates a meeting, e.g. a new round (role editor).' })
  async createMeeting(
    @Arg('input', () => CreateMeetingInput, { description: 'The new meeting.' }) input: CreateMeetingInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting> {
    return service(ctx).createMeeting(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Meeting, { description: 'Changes a meeting’s fields, e.g. PROPOSED → HELD (role editor).' })
  async updateMeeting(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateMeetingInput, { description: 'The fields to change.' }) input: UpdateMeetingInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting> {
    return service(ctx).updateMeeting(by, id, input);
  }
}

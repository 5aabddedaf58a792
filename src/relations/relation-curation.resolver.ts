/** Mutations for the relations (role editor); see relation-curation.service.ts. */
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { Attendance } from '../meetings/meeting.type.js';
import { RecordAttendanceInput, RecordInvolvementInput, RecordStanceTargetInput } from './relation-curation.input.js';
import { Involvement, StanceTarget } from './relation.type.js';

const service = (ctx: RequestContext) => ctx.services.relations;

@Resolver()
export class RelationCurationResolver {
  @Authorized('editor')
  @Mutation(() => StanceTarget, {
    description: 'Records whom a stance is addressed to (role editor); for a target already recorded, adds the new sources.',
  })
  async recordStanceTarget(
    @Arg('input', () => RecordStanceTargetInput, { description: 'The stance, its target and the sources.' }) input: RecordStanceTargetInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceTarget> {
    return service(ctx).recordStanceTarget(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Involvement, { description: 'Records that a position involves an actor in a role (role editor); adds new sources to one already recorded.' })
  async recordInvolvement(
    @Arg('input', () => RecordInvolvementInput, { description: 'The position, the actor, the role and the sources.' }) input: RecordInvolvementInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Involvement> {
    return service(ctx).recordInvolvement(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Attendance, {
    description:
      'Records that an actor attended a meeting, or is invited to a proposed one (role INVITED) (role editor); adds new sources to one already recorded.',
  })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput, { description: 'The actor, the meeting, the role and the sources.' }) input: RecordAttendanceInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Attendance> {
    return service(ctx).recordAttendance(by, input);
  }
}

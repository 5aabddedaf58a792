/** Mutations for the relations (role editor); see relation-curation.service.ts. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../auth/access.js';
import type { RequestContext } from '../graph/context.js';
import { Attendance } from '../meetings/meeting.type.js';
import { RecordAttendanceInput, RecordInvolvementInput, RecordStanceTargetInput } from './relation-curation.input.js';
import { RelationCurationService } from './relation-curation.service.js';
import { Involvement, StanceTarget } from './relation.type.js';

const service = (ctx: RequestContext) => new RelationCurationService(ctx.executor);
const editor = (ctx: RequestContext) => requireRole(ctx, 'editor');

@Resolver()
export class RelationCurationResolver {
  @Mutation(() => StanceTarget, {
    description: 'Records whom a stance is addressed to (role editor); for a target already recorded, adds the new sources.',
  })
  async recordStanceTarget(
    @Arg('input', () => RecordStanceTargetInput, { description: 'The stance, its target and the sources.' }) input: RecordStanceTargetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<StanceTarget> {
    return service(ctx).recordStanceTarget(editor(ctx), input);
  }

  @Mutation(() => Involvement, { description: 'Records that a position involves an actor in a role (role editor); adds new sources to one already recorded.' })
  async recordInvolvement(
    @Arg('input', () => RecordInvolvementInput, { description: 'The position, the actor, the role and the sources.' }) input: RecordInvolvementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Involvement> {
    return service(ctx).recordInvolvement(editor(ctx), input);
  }

  @Mutation(() => Attendance, {
    description:
      'Records that an actor attended a meeting, or is invited to a proposed one (role INVITED) (role editor); adds new sources to one already recorded.',
  })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput, { description: 'The actor, the meeting, the role and the sources.' }) input: RecordAttendanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Attendance> {
    return service(ctx).recordAttendance(editor(ctx), input);
  }
}

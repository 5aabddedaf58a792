/** The stance mutations: record one and add sources (role editor), retract one (role admin). */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { EvidenceInput } from '../write/evidence.input.js';
import { RecordStanceInput } from './stance-curation.input.js';
import { Stance } from './stance.type.js';

const service = (ctx: RequestContext) => ctx.services.stances;

@Resolver()
export class StanceCurationResolver {
  @Authorized('editor')
  @Mutation(() => Stance, {
    description:
      'Records that an actor took a stance on a position (role editor). At least one source with a verbatim quote is required; actor, position, meeting and sources must exist.',
  })
  async recordStance(
    @Arg('input', () => RecordStanceInput, { description: 'The stance, with its sources.' }) input: RecordStanceInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance> {
    return service(ctx).recordStance(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Stance, { description: 'Adds another source, with its quote, to an existing stance (role editor): one claim, many sources.' })
  async addStanceSource(
    @Arg('stanceId', () => ID, { description: 'The stance to add the source to.' }) stanceId: string,
    @Arg('evidence', () => EvidenceInput, { description: 'The source and its verbatim quote.' }) evidence: EvidenceInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance> {
    return service(ctx).addStanceSource(by, stanceId, evidence);
  }

  @Authorized('admin')
  @Mutation(() => Stance, {
    description:
      'Retracts a stance (role admin). Nothing is deleted: the stance is kept with who retracted it, when and why, hidden from lists unless includeRetracted is set.',
  })
  async retractStance(
    @Arg('id', () => ID, { description: 'The stance to retract.' }) id: string,
    @Arg('reason', () => String, { description: 'Why it is retracted (kept with the stance).' }) reason: string,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance> {
    return service(ctx).retractStance(by, id, reason);
  }
}

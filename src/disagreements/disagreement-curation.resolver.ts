/** The disagreement mutation (role editor); the service validates and writes in one transaction. */
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { RecordDisagreementInput } from './disagreement-curation.input.js';
import { Disagreement } from './disagreement.type.js';

@Resolver()
export class DisagreementCurationResolver {
  @Authorized('editor')
  @Mutation(() => Disagreement, { description: 'Records a point on which sources disagree, with each source’s version (role editor).' })
  async recordDisagreement(
    @Arg('input', () => RecordDisagreementInput, { description: 'The disagreement, with each source’s version.' }) input: RecordDisagreementInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement> {
    return ctx.services.disagreements.recordDisagreement(by, input);
  }
}

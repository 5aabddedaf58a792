import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { Source } from './source.type.js';

@Resolver()
export class SourceTextResolver {
  @Authorized('editor')
  @Mutation(() => Source, {
    description:
      'Stores or replaces the full text of a source (role editor), with its sha256 and retrieval time. Refused (BAD_USER_INPUT) when a quote already citing the source is not in the new text.',
  })
  async setSourceText(
    @Arg('id', () => ID, { description: 'The source.' }) id: string,
    @Arg('text', () => String, { description: 'The report’s full text, at most 200,000 characters; line endings are normalised to \\n.' }) text: string,
    @Arg('retrievedAt', () => String, { nullable: true, description: 'When the text was retrieved, ISO 8601; now when left out.' }) retrievedAt: string | null,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return ctx.services.setSourceText(by, { id, text, retrievedAt });
  }
}

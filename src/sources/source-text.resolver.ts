import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../auth/access.js';
import type { RequestContext } from '../graph/context.js';
import { setSourceText } from './source-text.service.js';
import { Source } from './source.type.js';

@Resolver()
export class SourceTextResolver {
  @Mutation(() => Source, {
    description:
      'Stores or replaces the full text of a source (role editor), with its sha256 and retrieval time. Refused (BAD_USER_INPUT) when a quote already citing the source is not in the new text.',
  })
  async setSourceText(
    @Arg('id', () => ID, { description: 'The source.' }) id: string,
    @Arg('text', () => String, { description: 'The report’s full text, at most 200,000 characters; line endings are normalised to \\n.' }) text: string,
    @Arg('retrievedAt', () => String, { nullable: true, description: 'When the text was retrieved, ISO 8601; now when left out.' }) retrievedAt: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return setSourceText(ctx.executor, requireRole(ctx, 'editor'), { id, text, retrievedAt });
  }
}

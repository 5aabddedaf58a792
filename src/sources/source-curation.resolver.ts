/** The source mutations (role editor); the service validates and writes in one transaction. */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { CreateSourceInput, UpdateSourceInput } from './source-curation.input.js';
import { Source } from './source.type.js';

const service = (ctx: RequestContext) => ctx.services.sources;

@Resolver()
export class SourceCurationResolver {
  @Authorized('editor')
  @Mutation(() => Source, { description: 'Creates a source: the report later facts cite (role editor).' })
  async createSource(
    @Arg('input', () => CreateSourceInput, { description: 'The new source.' }) input: CreateSourceInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return service(ctx).createSource(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Source, { description: 'Changes a source’s fields (role editor).' })
  async updateSource(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateSourceInput, { description: 'The fields to change.' }) input: UpdateSourceInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return service(ctx).updateSource(by, id, input);
  }
}

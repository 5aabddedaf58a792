/** The position mutations (role editor); the service validates and writes in one transaction. */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { CreatePositionInput, UpdatePositionInput } from './position-curation.input.js';
import { Position } from './position.type.js';

const service = (ctx: RequestContext) => ctx.services.positions;

@Resolver()
export class PositionCurationResolver {
  @Authorized('editor')
  @Mutation(() => Position, { description: 'Creates a demand, proposal or concession (role editor).' })
  async createPosition(
    @Arg('input', () => CreatePositionInput, { description: 'The new position.' }) input: CreatePositionInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Position> {
    return service(ctx).createPosition(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Position, { description: 'Changes a position’s fields (role editor).' })
  async updatePosition(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdatePositionInput, { description: 'The fields to change.' }) input: UpdatePositionInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Position> {
    return service(ctx).updatePosition(by, id, input);
  }
}

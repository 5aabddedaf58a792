/** The actor mutations (role editor); the service validates and writes in one transaction. */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { CreateActorInput, UpdateActorInput } from './actor-curation.input.js';
import { Actor } from './actor.type.js';

const service = (ctx: RequestContext) => ctx.services.actors;

@Resolver()
export class ActorCurationResolver {
  @Authorized('editor')
  @Mutation(() => Actor, { description: 'Creates an actor (role editor). CONFLICT when the id exists.' })
  async createActor(
    @Arg('input', () => CreateActorInput, { description: 'The new actor.' }) input: CreateActorInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Actor> {
    return service(ctx).createActor(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Actor, { description: 'Changes an actor’s fields (role editor); the change is kept in the audit log.' })
  async updateActor(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateActorInput, { description: 'The fields to change.' }) input: UpdateActorInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Actor> {
    return service(ctx).updateActor(by, id, input);
  }
}

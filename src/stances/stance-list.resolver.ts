/**
 * The nested stance lists (Actor.proposed / rejected / agreedTo / considering and
 * Position.proposedBy / rejectedBy / agreedBy / consideredBy) from one table per parent type
 * instead of eight copies of the same field resolver. `StanceListsOf` builds a resolver class
 * with one field per entry; the parent's resolver extends it (type-graphql resolver
 * inheritance), so its schema is what the eight hand-written methods declared.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, type ClassType, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../graph/context.js';
import type { StanceKind } from '../shared/enums.js';
import { StanceListArgs, stanceListKey } from './stance-list.args.js';
import { Stance } from './stance.type.js';

export interface StanceListField {
  /** The field's name in the schema, e.g. `proposed`. */
  name: string;
  kind: StanceKind;
  description: string;
}

type StanceListLoader = RequestContext['loaders']['stancesByActor'];

/**
 * A resolver class for `parent` with one `[Stance!]!` field per entry of `fields`, each paged
 * and filtered by StanceListArgs and loaded through `loaderOf(ctx)` with the client's
 * look-ahead.
 */
export function StanceListsOf(
  parent: ClassType | (abstract new (...args: never[]) => unknown),
  loaderOf: (ctx: RequestContext) => StanceListLoader,
  fields: readonly StanceListField[],
) {
  @Resolver(() => parent)
  class StanceLists {}

  const prototype = StanceLists.prototype as unknown as Record<string, unknown>;
  for (const field of fields) {
    prototype[field.name] = (root: { id: string }, args: StanceListArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<Stance[]> =>
      loaderOf(ctx).load(stanceListKey(root.id, field.kind, args, info));
    const descriptor = Object.getOwnPropertyDescriptor(prototype, field.name) as PropertyDescriptor;
    Root()(prototype, field.name, 0);
    Args(() => StanceListArgs)(prototype, field.name, 1);
    Ctx()(prototype, field.name, 2);
    Info()(prototype, field.name, 3);
    FieldResolver(() => [Stance], { description: field.description })(prototype, field.name, descriptor);
  }
  return StanceLists;
}

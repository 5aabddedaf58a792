/**
 * The nested stance lists (Actor.proposed / rejected / agreedTo / considering and
 * Position.proposedBy / rejectedBy / agreedBy / consideredBy) from one table per parent type
 * instead of eight copies of the same field resolver. `StanceListsOf` builds a resolver class
 * with one field per entry; the parent's resolver extends it (type-graphql resolver
 * inheritance), so its schema is what the eight hand-written methods declared.
 */
import { getArgumentValues, getNamedType, type GraphQLResolveInfo, isInterfaceType, isObjectType } from 'graphql';
import { Args, type ClassType, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';

import type { RequestContext } from '../request/context.js';
import type { StanceKind } from '../shared/enums.js';
import { perSelection } from '../shared/per-selection.js';
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

/** The fields under a root field, grouped by response key, once per selection (see src/shared/per-selection.ts). */
const fieldGroupsOf = perSelection((selection) => [...selection.fieldsByResponseKey().values()]);

/**
 * Look-ahead from a root field (`actor(id)`, `position(id)`) into its stance lists: loads the
 * lists the selection asks for, with their arguments and look-ahead, in the same tick, asking
 * their query to bring the parent too (the loaders prime it), so a parent and its lists cost
 * one query. The field resolvers then find the lists in the loader's cache. Returns the loads
 * (settled, never rejecting) for the parent's resolver to wait on before it loads the parent.
 * A list this cannot key exactly as its resolver will (e.g. under `@skip`) only costs the
 * query it would have cost anyway; bad arguments are left for the field resolver to report.
 */
export function prefetchStanceLists(
  info: GraphQLResolveInfo,
  parentId: string,
  loader: StanceListLoader,
  fields: readonly StanceListField[],
): Promise<unknown>[] {
  const parentType = getNamedType(info.returnType);
  if (!isObjectType(parentType) && !isInterfaceType(parentType)) return [];
  const definitions = parentType.getFields();
  const loads: Promise<unknown>[] = [];
  for (const nodes of fieldGroupsOf(info)) {
    const [node] = nodes;
    const field = fields.find((candidate) => candidate.name === node?.name.value);
    const definition = field && definitions[field.name];
    if (!node || !field || !definition) continue;
    try {
      const args = getArgumentValues(definition, node, info.variableValues) as Parameters<typeof stanceListKey>[2];
      const key = { ...stanceListKey(parentId, field.kind, args, { fieldNodes: nodes, fragments: info.fragments }), withParent: true };
      loads.push(loader.load(key).catch(() => undefined));
    } catch {
      // The field resolver reports bad arguments with its own error.
    }
  }
  return loads;
}

/**
 * Disagreement.concerns: any node of the graph. It lives with the GraphNode union (which
 * knows every node type) so that disagreements need not import the types above them.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Disagreement } from '../disagreements/disagreement.type.js';
import type { RequestContext } from '../request/context.js';
import { GraphNode, type GraphNodeRecord, loadNode } from './graph-node.js';

@Resolver(() => Disagreement)
export class DisagreementConcernsResolver {
  @FieldResolver(() => [GraphNode], { description: 'What the disagreement is about.' })
  async concerns(@Root() disagreement: Disagreement, @Ctx() ctx: RequestContext): Promise<GraphNodeRecord[]> {
    const nodes = await Promise.all(disagreement.concernIds.map((id) => loadNode(ctx.loaders, id)));
    return nodes.filter((node): node is GraphNodeRecord => node !== null);
  }
}

/**
 * Any node of the graph as one GraphQL union, for fields that point at "anything"
 * (Disagreement.concerns, search hits). The id prefix names the kind ("actor:…").
 */
import { createUnionType } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { Disagreement } from '../disagreements/disagreement.type.js';
import { Document } from '../documents/document.type.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Concession, Demand, type Position, Proposal } from '../positions/position.type.js';
import { kindOfId, labelOfKind, POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';
import { Source } from '../sources/source.type.js';
import { Stance } from '../stances/stance.type.js';
import type { RequestContext } from '../request/context.js';

type Loaders = RequestContext['loaders'];

type Tagged<K extends string, T> = T & { nodeKind: K };
export type GraphNodeRecord =
  | Tagged<'Actor', Actor>
  | Tagged<'Meeting', Meeting>
  | Tagged<'Position', Position>
  | Tagged<'Document', Document>
  | Tagged<'Source', Source>
  | Tagged<'Disagreement', Disagreement>
  | Tagged<'Stance', Stance>;

/** A graph node's GraphQL type from its tag (see syncResolveTypes in src/graph/schema.ts). */
export function graphNodeTypeName(item: unknown): string {
  // Every value this union resolves was tagged by loadNode or the search mapping.
  const value = item as GraphNodeRecord;
  return value.nodeKind === 'Position' ? POSITION_TYPE_LABELS[value.type] : value.nodeKind;
}

export const GraphNode = createUnionType({
  name: 'GraphNode',
  description: 'Any item of the graph: an actor, meeting, position, document, source, disagreement or stance.',
  types: () => [Actor, Meeting, Demand, Proposal, Concession, Document, Source, Disagreement, Stance] as const,
  resolveType: graphNodeTypeName,
});

/** Loads any node by id through this request's loaders; null when it does not exist. */
export async function loadNode(loaders: Loaders, id: string): Promise<GraphNodeRecord | null> {
  const idKind = kindOfId(id);
  const kind = idKind && labelOfKind(idKind);
  const tag = <K extends GraphNodeRecord['nodeKind'], T>(nodeKind: K, item: T | null) => (item ? { ...item, nodeKind } : null);
  switch (kind) {
    case 'Actor':
      return tag(kind, await loaders.actor.load(id));
    case 'Meeting':
      return tag(kind, await loaders.meeting.load(id));
    case 'Position':
      return tag(kind, await loaders.position.load(id));
    case 'Document':
      return tag(kind, await loaders.document.load(id));
    case 'Source':
      return tag(kind, await loaders.source.load(id));
    case 'Disagreement':
      return tag(kind, await loaders.disagreement.load(id));
    case 'Stance':
    case undefined:
      return null;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

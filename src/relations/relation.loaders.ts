/**
 * Per-request DataLoaders for targets and involvement: one round trip per relation kind,
 * however many stances, positions or actors a request asks about. They hang off the
 * request's own loaders object (a WeakMap, so they live exactly as long as the request)
 * rather than in src/graph/loaders.ts, keeping this feature in its own folder.
 */
import DataLoader from 'dataloader';

import type { Reader } from '../db/request-reader.js';
import type { RequestContext } from '../request/context.js';
import type { Stance } from '../stances/stance.type.js';
import { RelationRepository } from './relation.repository.js';
import type { Involvement, StanceTarget } from './relation.type.js';

function createRelationLoaders(reader: Reader) {
  const relations = new RelationRepository(reader);
  const targetedBy = (includeRetracted: boolean) => new DataLoader<string, Stance[]>((ids) => relations.stancesTargeting(ids, includeRetracted));
  return {
    targetsByStance: new DataLoader<string, StanceTarget[]>((ids) => relations.targetsOfStances(ids)),
    involvementByPosition: new DataLoader<string, Involvement[]>((ids) => relations.involvementOfPositions(ids)),
    involvementByActor: new DataLoader<string, Involvement[]>((ids) => relations.involvementOfActors(ids)),
    targetedByActive: targetedBy(false),
    targetedByAll: targetedBy(true),
  };
}

export type RelationLoaders = ReturnType<typeof createRelationLoaders>;

const perRequest = new WeakMap<object, RelationLoaders>();

/** This request's relation loaders, created on first use. */
export function relationLoaders(ctx: RequestContext): RelationLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = createRelationLoaders(ctx.reader);
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}

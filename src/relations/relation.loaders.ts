/**
 * Per-request DataLoaders for targets and involvement: one round trip per relation kind,
 * however many stances, positions or actors a request asks about. They hang off the
 * request's own loaders object (a WeakMap, so they live exactly as long as the request)
 * rather than in src/graph/loaders.ts, keeping this feature in its own folder.
 */
import DataLoader from 'dataloader';

import type { Row } from '../db/executor.js';
import type { Reader } from '../db/request-reader.js';
import type { RequestContext } from '../graph/context.js';
import { type Props, toStance } from '../shared/mapping.js';
import type { Stance } from '../stances/stance.type.js';
import { toInvolvement, toStanceTarget } from './relation.mapping.js';
import type { Involvement, StanceTarget } from './relation.type.js';

function groupedBy<T>(executor: Reader, queryName: string, map: (row: Row) => T, extra: Record<string, unknown> = {}) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await executor.read(queryName, { ids: [...ids], ...extra });
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = String(row['key']);
      groups.set(key, [...(groups.get(key) ?? []), map(row)]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

function createRelationLoaders(executor: Reader) {
  const targetedBy = (includeRetracted: boolean) =>
    groupedBy<Stance>(executor, 'relations/find-stances-by-targets', (row) => toStance(row['stance'] as Props), { includeRetracted });
  return {
    targetsByStance: groupedBy<StanceTarget>(executor, 'relations/find-targets-by-stances', (row) => toStanceTarget(row['target'] as Props)),
    involvementByPosition: groupedBy<Involvement>(executor, 'relations/find-involvement-by-positions', (row) => toInvolvement(row['involvement'] as Props)),
    involvementByActor: groupedBy<Involvement>(executor, 'relations/find-involvement-by-actors', (row) => toInvolvement(row['involvement'] as Props)),
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

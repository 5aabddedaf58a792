/**
 * Per-request DataLoaders for targets and involvement: one round trip per relation kind,
 * filter and page, however many stances, positions or actors a request asks about. Each list
 * is keyed by its parent and its page (aliases may ask different pages; each distinct page is
 * one query, cut per parent in the database). They hang off the request's own loaders object
 * (a WeakMap, so they live exactly as long as the request) rather than in
 * src/graph/loaders.ts, keeping this feature in its own folder.
 */
import DataLoader from 'dataloader';

import type { Reader } from '../db/request-reader.js';
import type { RequestContext } from '../request/context.js';
import type { InvolvementRole } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { fetchByWindow, type PagedKey } from '../shared/paging.js';
import type { Stance } from '../stances/stance.type.js';
import { RelationRepository } from './relation.repository.js';
import type { Involvement, StanceTarget } from './relation.type.js';

/** A nested list of one parent item, at one page. */
export interface RelationListKey extends PagedKey {
  id: string;
}

const keyName = (key: RelationListKey) => `${key.id}|${key.window.offset}|${key.window.limit}`;

/** Lists per parent id and page; one query per distinct page in the batch. */
function pagedLoader<T>(fetch: (ids: readonly string[], window: Window) => Promise<T[][]>) {
  return new DataLoader<RelationListKey, T[], string>(
    (keys) =>
      fetchByWindow(keys, (group, window) =>
        fetch(
          group.map((key) => key.id),
          window,
        ),
      ),
    { cacheKeyFn: keyName },
  );
}

/** One loader per value of a list's filter (the role, or whether retracted stances count), made on first use. */
function perFilter<F, L>(make: (filter: F) => L): (filter: F) => L {
  const made = new Map<F, L>();
  return (filter) => {
    let loader = made.get(filter);
    if (!loader) {
      loader = make(filter);
      made.set(filter, loader);
    }
    return loader;
  };
}

function createRelationLoaders(reader: Reader) {
  const relations = new RelationRepository(reader);
  return {
    targetsByStance: pagedLoader<StanceTarget>((ids, window) => relations.targetsOfStances(ids, window)),
    involvementByPosition: perFilter((role: InvolvementRole | null) =>
      pagedLoader<Involvement>((ids, window) => relations.involvementOfPositions(ids, role, window)),
    ),
    involvementByActor: perFilter((role: InvolvementRole | null) =>
      pagedLoader<Involvement>((ids, window) => relations.involvementOfActors(ids, role, window)),
    ),
    targetedBy: perFilter((includeRetracted: boolean) => pagedLoader<Stance>((ids, window) => relations.stancesTargeting(ids, includeRetracted, window))),
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

/**
 * The relation reads: targets of stances, stances addressed to actors, and who a position
 * involves. Each takes many ids at once (the loaders batch them) and one window, and answers,
 * per id, that page of its list: the query cuts each parent's list in the database.
 */
import type { Row } from '../db/executor.js';
import type { Reader } from '../db/request-reader.js';
import type { InvolvementRole } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { groupById } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { toStance } from '../stances/stance.mapping.js';
import type { Stance } from '../stances/stance.type.js';
import { toInvolvement, toStanceTarget } from './relation.mapping.js';
import type { Involvement, StanceTarget } from './relation.type.js';

export class RelationRepository {
  constructor(private readonly reader: Reader) {}

  targetsOfStances(ids: readonly string[], window: Window): Promise<StanceTarget[][]> {
    return this.grouped(ids, 'relations/find-targets-by-stances', (row) => toStanceTarget(row['target'] as Props), window);
  }

  involvementOfPositions(ids: readonly string[], role: InvolvementRole | null, window: Window): Promise<Involvement[][]> {
    return this.grouped(ids, 'relations/find-involvement-by-positions', (row) => toInvolvement(row['involvement'] as Props), window, { role });
  }

  involvementOfActors(ids: readonly string[], role: InvolvementRole | null, window: Window): Promise<Involvement[][]> {
    return this.grouped(ids, 'relations/find-involvement-by-actors', (row) => toInvolvement(row['involvement'] as Props), window, { role });
  }

  stancesTargeting(ids: readonly string[], includeRetracted: boolean, window: Window): Promise<Stance[][]> {
    return this.grouped(ids, 'relations/find-stances-by-targets', (row) => toStance(row['stance'] as Props), window, { includeRetracted });
  }

  /** Runs `queryName` for all `ids` at one window; rows carry the id they belong to as `key`. */
  private async grouped<T>(
    ids: readonly string[],
    queryName: string,
    map: (row: Row) => T,
    window: Window,
    extra: Record<string, unknown> = {},
  ): Promise<T[][]> {
    const rows = await this.reader.read(queryName, { ids: [...ids], ...extra, ...window });
    return groupById(ids, rows, (row) => String(row['key']), map);
  }
}

/**
 * The relation reads: targets of stances, stances addressed to actors, and who a position
 * involves. Each takes many ids at once (the loaders batch them) and answers, per id, its list.
 */
import type { Row } from '../db/executor.js';
import type { Reader } from '../db/request-reader.js';
import type { Props } from '../shared/row-values.js';
import { toStance } from '../stances/stance.mapping.js';
import type { Stance } from '../stances/stance.type.js';
import { toInvolvement, toStanceTarget } from './relation.mapping.js';
import type { Involvement, StanceTarget } from './relation.type.js';

export class RelationRepository {
  constructor(private readonly reader: Reader) {}

  targetsOfStances(ids: readonly string[]): Promise<StanceTarget[][]> {
    return this.grouped(ids, 'relations/find-targets-by-stances', (row) => toStanceTarget(row['target'] as Props));
  }

  involvementOfPositions(ids: readonly string[]): Promise<Involvement[][]> {
    return this.grouped(ids, 'relations/find-involvement-by-positions', (row) => toInvolvement(row['involvement'] as Props));
  }

  involvementOfActors(ids: readonly string[]): Promise<Involvement[][]> {
    return this.grouped(ids, 'relations/find-involvement-by-actors', (row) => toInvolvement(row['involvement'] as Props));
  }

  stancesTargeting(ids: readonly string[], includeRetracted: boolean): Promise<Stance[][]> {
    return this.grouped(ids, 'relations/find-stances-by-targets', (row) => toStance(row['stance'] as Props), { includeRetracted });
  }

  /** Runs `queryName` for all `ids`; rows carry the id they belong to as `key`. */
  private async grouped<T>(ids: readonly string[], queryName: string, map: (row: Row) => T, extra: Record<string, unknown> = {}): Promise<T[][]> {
    const rows = await this.reader.read(queryName, { ids: [...ids], ...extra });
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = String(row['key']);
      groups.set(key, [...(groups.get(key) ?? []), map(row)]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  }
}

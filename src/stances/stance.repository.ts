/** The stance queries: the only place that names `cypher/stances/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { StanceKind } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { groupByIndex, type PagedKey, type PageResult, toPageResult } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { type StanceFilter, toStanceParams } from './stance-filter.input.js';
import { toStance } from './stance.mapping.js';
import type { Stance } from './stance.type.js';

/** One nested stance list: whose (an actor, a position or a meeting), which kind, which page. */
export interface StanceListKey extends PagedKey {
  id: string;
  /** Null lists every kind (Meeting.stances without `kind`). */
  kind: StanceKind | null;
  includeRetracted: boolean;
  meetingId: string | null;
}

/** Past this many matches the stance table's total is estimated (see count-stances.cypher). */
export const STANCE_COUNT_CAP = 1_000;

// Used when the filter gives no date range, so the per-kind date index still gives the order.
const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

const stanceOf = (row: Record<string, unknown>) => toStance(row['stance'] as Props);

export class StanceRepository {
  constructor(private readonly reader: Reader) {}

  async findById(id: string): Promise<Stance | null> {
    const [row] = await this.reader.read('stances/find-stances-by-ids', { ids: [id] });
    return row ? stanceOf(row) : null;
  }

  /** The stance table. Narrowed by actors, positions, meetings or targets it starts from those; else it reads each kind in date order. */
  async list(filter: StanceFilter | null, window: Window): Promise<PageResult<Stance>> {
    const params = toStanceParams(filter);
    if (params['actorIds'] || params['positionIds'] || params['meetingIds'] || params['targetIds']) {
      const [row] = await this.reader.read('stances/list-stances-anchored', { ...params, ...window });
      return toPageResult(window, Number(row?.['total'] ?? 0), ((row?.['items'] as Props[] | undefined) ?? []).map(toStance));
    }
    const dated = { fromDate: params['from'] ?? EARLIEST, toDate: params['to'] ?? LATEST };
    const [rows, [count]] = await Promise.all([
      this.reader.read('stances/list-stances', { ...params, ...dated, ...window }),
      this.reader.read('stances/count-stances', { ...params, countCap: STANCE_COUNT_CAP }),
    ]);
    return toPageResult(window, Number(count?.['total'] ?? 0), rows.map(stanceOf));
  }

  async ofActors(keys: readonly StanceListKey[], window: Window): Promise<Stance[][]> {
    const params = keys.map((key) => ({ actorId: key.id, kind: key.kind, includeRetracted: key.includeRetracted, meetingId: key.meetingId }));
    return groupByIndex(keys.length, await this.reader.read('stances/find-stances-by-actors', { keys: params, ...window }), stanceOf);
  }

  async ofPositions(keys: readonly StanceListKey[], window: Window): Promise<Stance[][]> {
    const params = keys.map((key) => ({ positionId: key.id, kind: key.kind, includeRetracted: key.includeRetracted, meetingId: key.meetingId }));
    return groupByIndex(keys.length, await this.reader.read('stances/find-stances-by-positions', { keys: params, ...window }), stanceOf);
  }

  async ofMeetings(keys: readonly StanceListKey[], window: Window): Promise<Stance[][]> {
    const params = keys.map((key) => ({ meetingId: key.id, kind: key.kind, includeRetracted: key.includeRetracted }));
    return groupByIndex(keys.length, await this.reader.read('stances/find-stances-by-meetings', { keys: params, ...window }), stanceOf);
  }
}

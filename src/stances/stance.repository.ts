/** The stance queries: the only place that names `cypher/stances/*.cypher`. */
import { combined } from '../db/cypher-files.js';
import type { Reader } from '../db/request-reader.js';
import { StanceKind } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { listsByIndex, type PagedKey, type PageResult, toPageResult } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { type StanceFilter, toStanceParams } from './stance-filter.input.js';
import { FULL_STANCES, lookAheadParams, type StanceLookAhead, tupleIds } from './stance-lookahead.js';
import { stancesOfList, stancesOfRow } from './stance-tuple.js';
import { toStance } from './stance.mapping.js';
import type { Stance } from './stance.type.js';
import { writtenOutText } from './written-out-projection.js';

/** One nested stance list: whose (an actor, a position or a meeting), which kind, which page. */
export interface StanceListKey extends PagedKey {
  id: string;
  /** Null lists every kind (Meeting.stances without `kind`). */
  kind: StanceKind | null;
  includeRetracted: boolean;
  meetingId: string | null;
  /** What the client asked under this list (see stance-lookahead.ts). */
  lookAhead: StanceLookAhead;
  /** Bring the parent (actor or position) too, with every property it exposes: asked by actor(id) / position(id). */
  withParent?: boolean;
}

/** Receives each parent a list query brought along (see StanceListKey.withParent). */
export type ParentSink = (parent: Props) => void;

/** Past this many matches the stance table's total is estimated (see count-stances.cypher). */
export const STANCE_COUNT_CAP = 1_000;

// Used when the filter gives no date range, so the per-kind date index still gives the order.
const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

const stanceOf = (row: Record<string, unknown>) => toStance(row['stance'] as Props);

export class StanceRepository {
  constructor(private readonly reader: Reader) {}

  async findById(id: string): Promise<Stance | null> {
    const [stance] = await this.findByIds([id]);
    return stance ?? null;
  }

  /** The stances with these ids that exist (one query, in no particular order). */
  async findByIds(ids: readonly string[]): Promise<Stance[]> {
    return (await this.reader.read('stances/find-stances-by-ids', { ids: [...ids] })).map(stanceOf);
  }

  /**
   * The stance table, with what `lookAhead` asks fetched in the same query. Narrowed by
   * actors, positions, meetings or targets it starts from those; else it reads each kind in
   * date order, and counts only `withTotal` (a client that does not ask for `total` gets 0
   * there, never counted): in the same query when only kinds narrow the table, else in a
   * second query sent at the same time.
   */
  async list(filter: StanceFilter | null, window: Window, lookAhead: StanceLookAhead = FULL_STANCES, withTotal = true): Promise<PageResult<Stance>> {
    const params = { ...toStanceParams(filter), ...lookAheadParams(lookAhead) };
    if (params['actorIds'] || params['positionIds'] || params['meetingIds'] || params['targetIds']) {
      // One row: the total and the page (src/stances/stance-tuple.ts).
      const [row] = await this.reader.read(
        'stances/list-stances-anchored',
        { ...params, ...window },
        writtenOutText('stances/list-stances-anchored', params, undefined, tupleIds(lookAhead)),
      );
      return toPageResult(window, Number(row?.['total'] ?? 0), stancesOfRow(row, lookAhead));
    }
    const dated = { fromDate: params['from'] ?? EARLIEST, toDate: params['to'] ?? LATEST };
    const listParams = { ...params, ...dated, ...window, countCap: STANCE_COUNT_CAP };
    // Narrowed by kind alone, the total comes from the count store (less the retracted ones),
    // cheaply enough to ask in the same query as the page (`combined`, src/db/cypher-files.ts).
    const kindsOnly = !params['topics'] && !params['sourceIds'] && !params['from'] && !params['to'];
    if (!withTotal || kindsOnly) {
      const query = withTotal ? combined('stances/list-stances', 'stances/count-stances-of-kinds') : 'stances/list-stances';
      const [row] = await this.reader.read(query, listParams, writtenOutText(query, listParams, undefined, tupleIds(lookAhead)));
      return toPageResult(window, withTotal ? Number(row?.['total'] ?? 0) : 0, stancesOfRow(row, lookAhead));
    }
    // Other filters are counted by reading the matches (up to a cap): in a second query sent
    // at the same time, so the two run side by side.
    const [[row], [count]] = await Promise.all([
      this.reader.read('stances/list-stances', listParams, writtenOutText('stances/list-stances', listParams, undefined, tupleIds(lookAhead))),
      this.reader.read('stances/count-stances', { ...params, countCap: STANCE_COUNT_CAP }),
    ]);
    return toPageResult(window, Number(count?.['total'] ?? 0), stancesOfRow(row, lookAhead));
  }

  /**
   * The lists of these keys; with `parents`, also each actor (all its exposed properties): every
   * actor found when the lists come per kind, else those whose lists have stances.
   */
  async ofActors(keys: readonly StanceListKey[], window: Window, lookAhead: StanceLookAhead, parents?: ParentSink): Promise<Stance[][]> {
    const byKinds = await this.listsByKinds('stances/stance-lists-of-actors', ACTOR_SLOT, keys, window, lookAhead, parents);
    if (byKinds) return byKinds;
    const params = keys.map((key) => ({ actorId: key.id, kind: key.kind, includeRetracted: key.includeRetracted, meetingId: key.meetingId }));
    return this.lists('stances/find-stances-by-actors', keys.length, { keys: params, ...window }, lookAhead, parents);
  }

  /**
   * The lists of these keys; with `parents`, also each position (all its exposed properties):
   * every position found when the lists come per kind, else those whose lists have stances.
   */
  async ofPositions(keys: readonly StanceListKey[], window: Window, lookAhead: StanceLookAhead, parents?: ParentSink): Promise<Stance[][]> {
    const byKinds = await this.listsByKinds('stances/stance-lists-of-positions', POSITION_SLOT, keys, window, lookAhead, parents);
    if (byKinds) return byKinds;
    const params = keys.map((key) => ({ positionId: key.id, kind: key.kind, includeRetracted: key.includeRetracted, meetingId: key.meetingId }));
    return this.lists('stances/find-stances-by-positions', keys.length, { keys: params, ...window }, lookAhead, parents);
  }

  async ofMeetings(keys: readonly StanceListKey[], window: Window, lookAhead: StanceLookAhead): Promise<Stance[][]> {
    const params = keys.map((key) => ({ meetingId: key.id, kind: key.kind, includeRetracted: key.includeRetracted }));
    return this.lists('stances/find-stances-by-meetings', keys.length, { keys: params, ...window }, lookAhead);
  }

  /**
   * The lists of a batch in which every parent asks the same kinds with the same filters (the
   * common shape: `actor(id) { proposed rejected agreedTo }`, a page of actors each with its
   * lists), as one row per parent with a list per kind (stance-lists-of-*.cypher); undefined
   * for any other batch, or past the bound on written-out texts, which the batch query serves.
   * Their tuples leave out the kind and the parent's id (at `parentSlot`): the list's and the
   * row's, filled in here.
   */
  private async listsByKinds(
    query: string,
    parentSlot: number,
    keys: readonly StanceListKey[],
    window: Window,
    lookAhead: StanceLookAhead,
    parents?: ParentSink,
  ): Promise<Stance[][] | undefined> {
    const shape = asParentsByKinds(keys);
    if (!shape) return undefined;
    const projections = lookAheadParams(lookAhead);
    const text = writtenOutText(query, projections, shape.kinds, tupleIds(lookAhead));
    if (!text) return undefined;
    const params = {
      ids: shape.ids,
      includeRetracted: shape.includeRetracted,
      meetingId: shape.meetingId,
      ...window,
      ...projections,
      withParents: parents !== undefined,
    };
    const rows = await this.reader.read(query, params, text);
    if (parents) for (const row of rows) if (row['parent']) parents(row['parent'] as Props);
    const byId = new Map(rows.map((row) => [String(row['key']), row]));
    return keys.map((key) => {
      const tuples = byId.get(key.id)?.[key.kind ?? ''];
      if (!Array.isArray(tuples)) return [];
      for (const tuple of tuples as unknown[][]) {
        tuple[1] = key.kind;
        tuple[parentSlot] = key.id;
      }
      return stancesOfList(tuples, lookAhead);
    });
  }

  private async lists(query: string, keyCount: number, params: Record<string, unknown>, lookAhead: StanceLookAhead, parents?: ParentSink): Promise<Stance[][]> {
    // One row per key with stances, its page as a list (src/stances/stance-tuple.ts), and its parent when asked.
    const projections = lookAheadParams(lookAhead);
    const rows = await this.reader.read(
      query,
      { ...params, ...projections, withParents: parents !== undefined },
      writtenOutText(query, projections, undefined, tupleIds(lookAhead)),
    );
    if (parents) for (const row of rows) if (row['parent']) parents(row['parent'] as Props);
    return listsByIndex(keyCount, rows, (row) => stancesOfRow(row, lookAhead));
  }
}

// The enum's order: one text per set of kinds, whatever order the fields were asked in.
// Where a stance tuple holds its actor's and its position's id (src/stances/stance-tuple.ts).
const ACTOR_SLOT = 2;
const POSITION_SLOT = 3;

const KIND_ORDER: readonly StanceKind[] = Object.values(StanceKind);

/** The batch as parents × kinds (every pair once, the same filters throughout), or undefined. */
function asParentsByKinds(
  keys: readonly StanceListKey[],
): { ids: string[]; kinds: StanceKind[]; includeRetracted: boolean; meetingId: string | null } | undefined {
  const first = keys[0];
  if (!first || keys.some((key) => key.kind === null || key.includeRetracted !== first.includeRetracted || key.meetingId !== first.meetingId)) return undefined;
  const ids = [...new Set(keys.map((key) => key.id))];
  const asked = new Set(keys.map((key) => key.kind));
  const pairs = new Set(keys.map((key) => `${key.kind} ${key.id}`));
  if (pairs.size !== keys.length || ids.length * asked.size !== keys.length) return undefined;
  return { ids, kinds: KIND_ORDER.filter((kind) => asked.has(kind)), includeRetracted: first.includeRetracted, meetingId: first.meetingId };
}

/**
 * The stance lists' compact row format. The list queries (cypher/stances/list-stances*.cypher,
 * find-stances-by-*.cypher) send each stance as a tuple and a page as one list, because the
 * driver's cost is per record and per map key: one record of 75 tuples decodes in about half
 * the CPU of 75 records of maps. Pure; unit tested without a database.
 */
import { readsId, type StanceLookAhead, withAhead, zip } from './stance-lookahead.js';
import { toStance } from './stance.mapping.js';
import type { Stance } from './stance.type.js';

/**
 * [id, kind, actorId, positionId, properties, actor, position, meeting, sources], as the queries
 * build it. The actor's and the position's property lists leave out their id, which the tuple
 * holds already (see `queryKeys` in stance-lookahead.ts); the meeting id is one of the
 * properties, there when `meeting` is asked. An id nothing reads may be null (`tupleIds`).
 */
export type StanceTuple = [string, string, string, string, unknown[], unknown, unknown, unknown, unknown];

/** The id in front of a related item's other properties, when the look-ahead's keys list it first. */
const withId = (keys: string[] | null, id: string, values: unknown) => (readsId(keys) && Array.isArray(values) ? [id, ...values] : values);

/** Reads one tuple: the stance with the properties and the related items the look-ahead asked for. */
export function stanceFromTuple(lookAhead: StanceLookAhead): (tuple: StanceTuple) => Stance {
  return ([id, kind, actorId, positionId, properties, actor, position, meeting, sources]) =>
    withAhead(
      toStance({ id, kind, actorId, positionId, ...zip(lookAhead.stance, properties) }),
      { actor: withId(lookAhead.actor, actorId, actor), position: withId(lookAhead.position, positionId, position), meeting, sources },
      lookAhead,
    );
}

/** The stances of a row's `stances` list (empty when the row or the list is missing). */
export function stancesOfRow(row: Record<string, unknown> | undefined, lookAhead: StanceLookAhead): Stance[] {
  return stancesOfList(row?.['stances'], lookAhead);
}

/** The stances of a list of tuples (empty when it is missing). */
export function stancesOfList(tuples: unknown, lookAhead: StanceLookAhead): Stance[] {
  return Array.isArray(tuples) ? (tuples as StanceTuple[]).map(stanceFromTuple(lookAhead)) : [];
}

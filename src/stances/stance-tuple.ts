/**
 * The stance lists' compact row format. The list queries (cypher/stances/list-stances*.cypher,
 * find-stances-by-*.cypher) send each stance as a tuple and a page as one list, because the
 * driver's cost is per record and per map key: one record of 75 tuples decodes in about half
 * the CPU of 75 records of maps. Pure; unit tested without a database.
 */
import { type StanceLookAhead, withAhead, zip } from './stance-lookahead.js';
import { toStance } from './stance.mapping.js';
import type { Stance } from './stance.type.js';

/** [id, meetingId, kind, actorId, positionId, properties, actor, position, meeting, sources], as the queries build it. */
export type StanceTuple = [string, string | null, string, string, string, unknown[], unknown, unknown, unknown, unknown];

/** Reads one tuple: the stance with the properties and the related items the look-ahead asked for. */
export function stanceFromTuple(lookAhead: StanceLookAhead): (tuple: StanceTuple) => Stance {
  return ([id, meetingId, kind, actorId, positionId, properties, actor, position, meeting, sources]) =>
    withAhead(toStance({ id, meetingId, kind, actorId, positionId, ...zip(lookAhead.stance, properties) }), { actor, position, meeting, sources }, lookAhead);
}

/** The stances of a row's `stances` list (empty when the row or the list is missing). */
export function stancesOfRow(row: Record<string, unknown> | undefined, lookAhead: StanceLookAhead): Stance[] {
  const tuples = row?.['stances'];
  return Array.isArray(tuples) ? (tuples as StanceTuple[]).map(stanceFromTuple(lookAhead)) : [];
}

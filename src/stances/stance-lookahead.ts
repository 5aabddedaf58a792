/**
 * Look-ahead for stance lists (the stance table, Actor.proposed, Position.rejectedBy,
 * Meeting.stances, ...): from the client's selection under the list, which extras the stance
 * query fetches with the rows. Quotes and source ids only when `evidence` or `sources` is asked;
 * the actor, position, meeting and sources of every row in the same query when asked, to prime
 * the by-id loaders, so the common shapes take one stage instead of three. The loaders stay
 * for everything else (the long tail: a position's documents, a meeting's attendance, ...).
 */
import { toActor } from '../actors/actor.mapping.js';
import type { Actor } from '../actors/actor.type.js';
import { toMeeting } from '../meetings/meeting.mapping.js';
import type { Meeting } from '../meetings/meeting.type.js';
import { toPosition } from '../positions/position.mapping.js';
import type { Position } from '../positions/position.type.js';
import type { Props } from '../shared/row-values.js';
import type { Selection } from '../shared/selection.js';
import { toSource } from '../sources/source.mapping.js';
import type { Source } from '../sources/source.type.js';

export interface StanceLookAhead {
  /** Quotes and source ids: part of a list's cache key, since a list without them is not the same answer. */
  evidence: boolean;
  actor: boolean;
  position: boolean;
  meeting: boolean;
  sources: boolean;
}

/** Everything: for callers without a selection to read (they get what they always got). */
export const FULL_STANCES: StanceLookAhead = { evidence: true, actor: false, position: false, meeting: false, sources: false };

/** The look-ahead of a stance list from the selection of one stance in it. */
export function stanceLookAhead(stance: Selection): StanceLookAhead {
  return {
    evidence: stance.has('evidence', 'sources'),
    actor: stance.has('actor'),
    position: stance.has('position'),
    meeting: stance.has('meeting'),
    sources: stance.has('sources') || stance.at('evidence').has('source'),
  };
}

/** One batch serves several lists: it fetches what any of them asks. */
export function mergeLookAhead(all: readonly StanceLookAhead[]): StanceLookAhead {
  const any = (flag: keyof StanceLookAhead) => all.some((item) => item[flag]);
  return { evidence: any('evidence'), actor: any('actor'), position: any('position'), meeting: any('meeting'), sources: any('sources') };
}

/** The Cypher parameters of the look-ahead (see cypher/stances/list-stances.cypher). */
export function lookAheadParams(lookAhead: StanceLookAhead): Record<string, boolean> {
  return {
    withEvidence: lookAhead.evidence,
    withActor: lookAhead.actor,
    withPosition: lookAhead.position,
    withMeeting: lookAhead.meeting,
    withSources: lookAhead.sources,
  };
}

/** Items fetched with stance rows, for the by-id loaders. */
export interface StanceRelated {
  actors: Actor[];
  positions: Position[];
  meetings: Meeting[];
  sources: Source[];
}

/** Collects the look-ahead columns (actor, position, meeting, sources) of stance rows. */
export function relatedOf(rows: readonly Record<string, unknown>[]): StanceRelated {
  const related: StanceRelated = { actors: [], positions: [], meetings: [], sources: [] };
  for (const row of rows) {
    if (row['actor']) related.actors.push(toActor(row['actor'] as Props));
    if (row['position']) related.positions.push(toPosition(row['position'] as Props));
    if (row['meeting']) related.meetings.push(toMeeting(row['meeting'] as Props));
    for (const source of (row['sources'] as Props[] | null) ?? []) related.sources.push(toSource(source));
  }
  return related;
}

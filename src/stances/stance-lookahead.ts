/**
 * Look-ahead for stance lists (the stance table, Actor.proposed, Position.rejectedBy,
 * Meeting.stances, ...): from the client's selection under the list, what the stance query
 * fetches with the rows: the stances' asked properties (quotes and their source ids for
 * `evidence`), and the actor, position, meeting and sources of every row in the same query when
 * asked, with only the properties the selection needs (`type` for a position's concrete type).
 * They travel with their stance (`ahead`, `EvidenceRecord.source`), and the stance's field
 * resolvers use them before the loaders: the common shapes take one stage instead of three,
 * while the loaders serve everything the look-ahead did not cover (the long tail). Being
 * partial, these items never enter the loaders' caches, where another field could read a
 * property they lack.
 *
 * Ids too are fetched only when something reads them: the stance's when the selection asks
 * for `id` or for a field resolved by id (`targets`), an actor's, a position's or a source's
 * likewise (its `id`, or a list of its own), and a source's whenever quotes are asked, to pair
 * each quote with its source. Sources asked without quotes come as a list of their own, and
 * the stance then needs no source ids either. On the benchmark's actor with three lists of 25,
 * leaving out the stance and position ids the client did not ask for took the Neo4j server
 * time per query from 4.1 to 3.2 ms and the driver's decoding by a sixth (`scripts/bench`,
 * measured at the driver, interleaved); then leaving out the sources' ids and the stances'
 * source ids for `sources { publisher }`, with the guards written out (written-out-projection.ts),
 * took its query from 1,439 to 1,289 db hits and 10.7 to 8.1 kB, and 9% off the wall time of
 * a request at 8 clients (two servers side by side, 40 pairs of 100 requests).
 */
import { toActor } from '../actors/actor.mapping.js';
import type { Actor } from '../actors/actor.type.js';
import { toMeeting } from '../meetings/meeting.mapping.js';
import type { Meeting } from '../meetings/meeting.type.js';
import { toPosition } from '../positions/position.mapping.js';
import type { Position } from '../positions/position.type.js';
import type { Props } from '../shared/row-values.js';
import type { Selection } from '../shared/selection.js';
import { missingSource, toSource } from '../sources/source.mapping.js';
import type { Stance, StanceRoot } from './stance.type.js';

/** Which properties of a related item to fetch; null: not asked (the loaders answer if needed). */
type Keys = string[] | null;

export interface StanceLookAhead {
  /** Whether the stances' ids are read (asked, or a field resolved by id). */
  stanceId: boolean;
  /** The stances' own properties beyond their ids (`date`, `status`, quotes and source ids, ...). */
  stance: string[];
  actor: Keys;
  position: Keys;
  meeting: Keys;
  sources: Keys;
}

// Each field of Stance read from stored properties, and those properties; the ids (id, kind,
// actor, position) always come.
const STANCE_PROPERTIES: Record<string, string[]> = {
  date: ['date'],
  plover: ['ploverEvent', 'ploverMode', 'ploverContext'],
  cameo: ['cameo'],
  status: ['status'],
  recordedAt: ['recordedAt'],
  recordedBy: ['recordedBy'],
  retractedAt: ['retractedAt'],
  retractedBy: ['retractedBy'],
  retractionReason: ['retractionReason'],
  evidence: ['sourceIds', 'evidence'],
  // The sources of a stance, when not fetched with it: the loader finds them by these ids.
  sources: ['sourceIds'],
  // Its meeting is found by id (looked ahead, or by the loader).
  meeting: ['meetingId'],
};

// The fields of Stance answered without its id: its properties, its kind, and the items
// found by their own ids (actor, position, meeting, the sources of its quotes).
const STANCE_FIELDS_WITHOUT_ID = new Set([...Object.keys(STANCE_PROPERTIES), 'kind', 'actor', 'position', 'meeting', '__typename']);

/** Everything of the stances, nothing ahead: for callers without a selection to read. */
export const FULL_STANCES: StanceLookAhead = {
  stanceId: true,
  stance: [...new Set(Object.values(STANCE_PROPERTIES).flat())],
  actor: null,
  position: null,
  meeting: null,
  sources: null,
};

// The stored properties each type exposes under the same name (no search keys, no full text).
const EXPOSED = {
  actor: ['name', 'kind', 'aliases', 'description', 'wikidataId'],
  position: ['title', 'summary', 'topics'],
  meeting: ['title', 'kind', 'round', 'date', 'startedAt', 'endedAt', 'durationMinutes', 'venue', 'city', 'status'],
  source: ['publisher', 'title', 'publishedAt', 'language', 'url', 'sha256', 'retrievedAt'],
};

// Fields of any item answered without its id: its quotes, and their sources found by theirs.
const FIELDS_WITHOUT_ID = ['__typename', 'evidence', 'sources'];

/**
 * The properties a selection of one item needs: what is always needed, what it asks, and its
 * id first when something reads it (`withId`: always; else when asked, or when a field outside
 * its stored properties is, such as a list of its own, which its resolver finds by the id).
 */
function keysFor(item: Selection, exposed: string[], always: string[] = [], withId = false): Keys {
  if (item.isEmpty()) return null;
  const needsId = withId || item.fieldNames().some((name) => !exposed.includes(name) && !always.includes(name) && !FIELDS_WITHOUT_ID.includes(name));
  const keys = new Set([...(needsId ? ['id'] : []), ...always, ...exposed.filter((name) => item.has(name))]);
  if (item.has('evidence')) keys.add('sourceIds').add('evidence');
  else if (item.has('sources')) keys.add('sourceIds');
  return [...keys];
}

/** The look-ahead of a stance list from the selection of one stance in it. */
export function stanceLookAhead(stance: Selection): StanceLookAhead {
  const withQuotes = stance.has('evidence');
  // A source's id pairs it with the quote that cites it; without quotes asked, the sources come
  // as a list of their own (`ahead.sources`) and the id only when something reads it.
  const sources = keysFor(stance.at('sources').or(stance.at('evidence', 'source')), EXPOSED.source, [], withQuotes);
  // Sources fetched as a list need no source ids on the stance (the loader would).
  const fields = Object.keys(STANCE_PROPERTIES).filter((field) => stance.has(field) && !(field === 'sources' && sources !== null && !withQuotes));
  return {
    stanceId: stance.fieldNames().some((name) => !STANCE_FIELDS_WITHOUT_ID.has(name)),
    stance: [...new Set(fields.flatMap((field) => STANCE_PROPERTIES[field] ?? []))],
    actor: keysFor(stance.at('actor'), EXPOSED.actor),
    // A position's `type` picks its GraphQL type (Demand, Proposal, Concession).
    position: keysFor(stance.at('position'), EXPOSED.position, ['type']),
    meeting: keysFor(stance.at('meeting'), EXPOSED.meeting),
    sources,
  };
}

// Names by look-ahead: a look-ahead read from a selection is the same object on every request
// repeating that query (src/shared/per-selection.ts), and is named for each of its lists.
const names = new WeakMap<StanceLookAhead, string>();

/** A short name of a look-ahead, for loader cache keys (lists fetched with different look-aheads differ). */
export function lookAheadName(lookAhead: StanceLookAhead): string {
  let name = names.get(lookAhead);
  if (name === undefined) names.set(lookAhead, (name = spellLookAhead(lookAhead)));
  return name;
}

function spellLookAhead(lookAhead: StanceLookAhead): string {
  const keys = (value: Keys) => value?.join(',') ?? '-';
  return [
    lookAhead.stanceId ? 'id' : '-',
    keys(lookAhead.stance),
    keys(lookAhead.actor),
    keys(lookAhead.position),
    keys(lookAhead.meeting),
    keys(lookAhead.sources),
  ].join('/');
}

/** One batch serves several lists: it fetches what any of them asks. */
export function mergeLookAhead(all: readonly StanceLookAhead[]): StanceLookAhead {
  const union = (pick: (item: StanceLookAhead) => Keys): Keys => {
    const asked = all.map(pick).filter((keys): keys is string[] => keys !== null);
    if (asked.length === 0) return null;
    const merged = new Set(asked.flat());
    // The id stays first when any of them reads it (see keysFor).
    return merged.delete('id') ? ['id', ...merged] : [...merged];
  };
  const stance = union((item) => item.stance) ?? [];
  const sources = union((item) => item.sources);
  return {
    stanceId: all.some((item) => item.stanceId),
    stance,
    actor: union((item) => item.actor),
    position: union((item) => item.position),
    meeting: union((item) => item.meeting),
    // With quotes in the batch, every list's sources pair with them by id (see withAhead).
    sources: sources && stance.includes('evidence') && !readsId(sources) ? ['id', ...sources] : sources,
  };
}

/**
 * The properties a query reads of a related item whose id it has already (the stance's actor
 * and position, the source ids it names): all but the id, which `keysFor` puts first when it
 * is read and the reader puts back (src/stances/stance-tuple.ts), so nothing is read twice.
 */
function queryKeys(keys: Keys): Keys {
  if (!keys) return null;
  return keys[0] === 'id' ? keys.slice(1) : keys;
}

/** Whether the look-ahead reads the ids of a related item (its keys start with the id). */
export const readsId = (keys: Keys): boolean => keys?.[0] === 'id';

/**
 * Which ids a stance tuple carries (src/stances/stance-tuple.ts): the stance's, its actor's and
 * its position's, each when something reads it. The queries hold them in the tuple's head;
 * written out (src/stances/written-out-projection.ts), the unread ones become nulls.
 */
export function tupleIds(lookAhead: StanceLookAhead): { stance: boolean; actor: boolean; position: boolean } {
  return { stance: lookAhead.stanceId, actor: readsId(lookAhead.actor), position: readsId(lookAhead.position) };
}

/** The Cypher parameters of the look-ahead (see cypher/stances/list-stances.cypher). */
export function lookAheadParams(lookAhead: StanceLookAhead): Record<string, unknown> {
  return {
    stanceKeys: lookAhead.stance,
    actorKeys: queryKeys(lookAhead.actor),
    positionKeys: queryKeys(lookAhead.position),
    meetingKeys: lookAhead.meeting,
    // A source's id is the query's `sourceId` (the stance names it), so it stays in the keys.
    sourceKeys: lookAhead.sources,
  };
}

/** Zips a property list fetched as `[k IN $keys | n[k]]` back into properties. */
export function zip(keys: Keys, values: unknown): Props | null {
  if (!keys || !Array.isArray(values)) return null;
  const props: Props = {};
  keys.forEach((key, i) => (props[key] = values[i]));
  return props;
}

/** Attaches the looked-ahead items of one stance (actor, position, meeting, sources as fetched) to it (see the module comment). */
export function withAhead(stance: Stance, row: Record<string, unknown>, lookAhead: StanceLookAhead): Stance {
  const actor = zip(lookAhead.actor, row['actor']);
  const position = zip(lookAhead.position, row['position']);
  const meeting = zip(lookAhead.meeting, row['meeting']);
  stance.ahead = {
    actor: actor ? toActor(actor) : undefined,
    position: position ? toPosition(position) : undefined,
    // A stance taken at no meeting has none; one whose meeting is missing falls back to the loader.
    meeting: meeting ? toMeeting(meeting) : lookAhead.meeting && !stance.meetingId ? null : undefined,
  };
  if (lookAhead.sources && Array.isArray(row['sources'])) {
    // A cited source missing from the graph comes as its id alone: shown as the loader shows it.
    const sources = (row['sources'] as unknown[]).map((values) =>
      typeof values === 'string' ? missingSource(values) : toSource(zip(lookAhead.sources, values) ?? {}),
    );
    if (lookAhead.stance.includes('evidence')) {
      // Each quote with its source, by id (the look-ahead reads the id whenever quotes are asked).
      const found = new Map(sources.map((source) => [source.id, source]));
      for (const record of stance.evidence) record.source = found.get(record.sourceId);
    } else {
      stance.ahead.sources = sources;
    }
  }
  return stance;
}

/** A stance's actor, when fetched with it; undefined: the loader answers. */
export const fetchedActor = (stance: StanceRoot): Actor | undefined => stance.ahead?.actor;

/** A stance's position, when fetched with it; undefined: the loader answers. */
export const fetchedPosition = (stance: StanceRoot): Position | undefined => stance.ahead?.position;

/** A stance's meeting, when looked ahead: null for a stance taken at no meeting; undefined: the loader answers. */
export const fetchedMeeting = (stance: StanceRoot): Meeting | null | undefined => stance.ahead?.meeting;

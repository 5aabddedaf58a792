/**
 * The stance list queries (cypher/stances/list-stances*.cypher, find-stances-by-*.cypher) read
 * the look-ahead's properties with one text for every selection: `[property IN $positionKeys |
 * p[property]]`. Neo4j evaluates that row by row through a property looked up by name; written
 * out for the asked keys (`[p.`type`, p.`title`]`) it resolves each property once, when the
 * query is planned. Measured on the benchmark's graph (200,000 stances, interleaved, median
 * server time of 6 × 150 runs): the actor with three lists of 25, 3.13 → 2.85 ms in Neo4j and
 * 1,593 → 1,518 db hits; the stance table's page with its total, 3.59 → 3.32 ms.
 *
 * Each written-out text is one more plan in Neo4j's query cache, and one more planning when it
 * is first sent or evicted. Clients ask few shapes (a notebook, the playground's examples), but
 * the shapes a client could ask are many (every subset of every type's properties), so only the
 * first MAX_WRITTEN_OUT shapes of the process are written out; any other keeps the query's
 * generic text, planned once. The generic text stays the file's, answers the same rows, and
 * is what runs when a fragment is not found.
 *
 * The tuple's head (`[r.id, type(r), a.id, p.id,`) is written out too: an id nothing reads
 * (`tupleIds`, src/stances/stance-lookahead.ts) becomes null, so Neo4j neither reads nor sends it.
 * So are the guards around a related item (`CASE WHEN $meetingKeys IS NOT NULL AND
 * r.meetingId IS NOT NULL THEN ... END`): the item's expression when asked, `null` when not.
 * Neo4j evaluated them on every row, and read each stance's `meetingId` even with no meeting
 * asked (75 db hits of the actor with three lists of 25).
 *
 * The lists of a parent (stance-lists-of-actors.cypher, stance-lists-of-positions.cypher) are
 * written out per kind too: each file reads the PROPOSED list in a block `COLLECT { ... } AS
 * PROPOSED`, written once per asked kind with that kind in place of PROPOSED.
 */
import { cypherText } from '../db/cypher-files.js';
import type { tupleIds } from './stance-lookahead.js';

type TupleIds = ReturnType<typeof tupleIds>;

/** Every id of the tuple: what the generic text reads. */
const ALL_IDS: TupleIds = { stance: true, actor: true, position: true };

/** Written-out texts kept (and so plans added to Neo4j's query cache, 1,000 by default). */
export const MAX_WRITTEN_OUT = 200;

interface Fragment {
  /** The generic projection exactly as the query files write it (after compactCypher). */
  generic: string;
  /** The parameter naming the keys (a list of property names, or null when not asked). */
  param: string;
  /** How one property is read, written out. */
  read: (key: string) => string;
  /**
   * A related item's projection is guarded by its parameter (`CASE WHEN $actorKeys IS NOT NULL
   * THEN ... END`): `guarded` is that expression around a projection, as the files write it,
   * and `unguarded` what it is when the keys are asked. Written out, the guard goes: the
   * expression when asked, `null` when not. Neo4j evaluates such a guard row by row, and
   * reads `r.meetingId` for the meeting's guard even when no meeting is asked.
   */
  guard?: { guarded: (projection: string) => string; unguarded: (projection: string) => string };
}

const quoted = (key: string) => `\`${key}\``;

/** `CASE WHEN $param IS NOT NULL THEN projection END`: the projection itself when asked. */
const whenAsked = (param: string) => ({
  guarded: (projection: string) => `CASE WHEN $${param} IS NOT NULL THEN ${projection} END`,
  unguarded: (projection: string) => projection,
});

const meetingOf = (projection: string) => `COLLECT {\nMATCH (m:Meeting {id: r.meetingId}) RETURN ${projection}\n}[0] END`;
// A cited source missing from the graph comes as its id alone (see withAhead).
const sourcesOf = (projection: string) =>
  `COLLECT {\nUNWIND coalesce(r.sourceIds, []) AS sourceId\nOPTIONAL MATCH (s:Source {id: sourceId})\nRETURN CASE WHEN s IS NULL THEN sourceId ELSE ${projection} END\n}`;

const FRAGMENTS: readonly Fragment[] = [
  {
    generic: "[property IN $stanceKeys | CASE property WHEN 'date' THEN toString(r.date) ELSE r[property] END]",
    param: 'stanceKeys',
    read: (key) => (key === 'date' ? 'toString(r.date)' : `r.${quoted(key)}`),
  },
  { generic: '[property IN $actorKeys | a[property]]', param: 'actorKeys', read: (key) => `a.${quoted(key)}`, guard: whenAsked('actorKeys') },
  { generic: '[property IN $positionKeys | p[property]]', param: 'positionKeys', read: (key) => `p.${quoted(key)}`, guard: whenAsked('positionKeys') },
  {
    generic: '[property IN $meetingKeys | m[property]]',
    param: 'meetingKeys',
    read: (key) => `m.${quoted(key)}`,
    guard: {
      guarded: (projection) => `CASE WHEN $meetingKeys IS NOT NULL AND r.meetingId IS NOT NULL THEN ${meetingOf(projection)}`,
      unguarded: (projection) => `CASE WHEN r.meetingId IS NOT NULL THEN ${meetingOf(projection)}`,
    },
  },
  // A source's id is the one the stance names (`sourceId`), not read again from the node.
  {
    generic: "[property IN $sourceKeys | CASE property WHEN 'id' THEN sourceId ELSE s[property] END]",
    param: 'sourceKeys',
    read: (key) => (key === 'id' ? 'sourceId' : `s.${quoted(key)}`),
    guard: { guarded: (projection) => `CASE WHEN $sourceKeys IS NOT NULL THEN ${sourcesOf(projection)} END`, unguarded: sourcesOf },
  },
];

/** The guarded expressions as the files write them, for the test that holds every stance list query to them. */
export const GENERIC_GUARDS: readonly string[] = FRAGMENTS.flatMap((fragment) => (fragment.guard ? [fragment.guard.guarded(fragment.generic)] : []));

/** The generic fragments, for the test that holds every stance list query to them. */
export const GENERIC_PROJECTIONS: readonly string[] = FRAGMENTS.map((fragment) => fragment.generic);

// Property names come from the look-ahead's fixed lists; anything else is never put in a text.
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

const KINDS = ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'];

// The head of a stance tuple: its id, kind, actor id and position id (or null where a query has
// them elsewhere: the kind and the parent's id of a parent's lists).
const TUPLE_HEAD = /\[r\.id, (type\(r\)|null), (a\.id|null), (p\.id|null),/g;

// The PROPOSED block of a parent's lists, as compactCypher leaves it: from the line opening
// its COLLECT to the line closing it (nested subqueries close with `}[0] END` and `} END]`).
const KIND_BLOCK = /COLLECT \{\n[^\n]*\[r:PROPOSED\][\s\S]*?\n\} AS PROPOSED/;

const writtenOut = new Map<string, string>();

// Who hears, once per process, that the bound was reached (app.ts logs it: from then on new
// selections run the generic texts, a little dearer, and an operator may want to know why).
let onBoundReached: ((bound: number) => void) | undefined;
let boundReported = false;

/** Sets who is told, once, that the bound on written-out texts was reached. */
export function whenWrittenOutBoundReached(listener: (bound: number) => void): void {
  onBoundReached = listener;
}

/**
 * The text of a stance list query with its look-ahead projections written out for these
 * parameters (`lookAheadParams`) and, for a parent's lists, one block per kind of `kinds`; or
 * undefined past the bound or for a key that is not a plain property name. Without `kinds`
 * the generic text answers the same; with them there is none, so the caller uses the batch
 * query (find-stances-by-*.cypher) instead.
 */
export function writtenOutText(queryName: string, params: Record<string, unknown>, kinds?: readonly string[], ids: TupleIds = ALL_IDS): string | undefined {
  const keyLists = FRAGMENTS.map((fragment) => params[fragment.param]);
  if (
    !keyLists.every(
      (keys) => keys === null || keys === undefined || (Array.isArray(keys) && keys.every((key) => typeof key === 'string' && PROPERTY_NAME.test(key))),
    )
  )
    return undefined;
  if (kinds && (kinds.length === 0 || !kinds.every((kind) => KINDS.includes(kind)) || new Set(kinds).size !== kinds.length)) return undefined;
  const idFlags = `${ids.stance ? 'S' : '-'}${ids.actor ? 'A' : '-'}${ids.position ? 'P' : '-'}`;
  const shape = `${queryName}|${kinds?.join(',') ?? ''}|${idFlags}|${keyLists.map((keys) => (Array.isArray(keys) ? keys.join(',') : '-')).join('|')}`;
  let text = writtenOut.get(shape);
  if (text === undefined) {
    if (writtenOut.size >= MAX_WRITTEN_OUT) {
      if (!boundReported) {
        boundReported = true;
        onBoundReached?.(MAX_WRITTEN_OUT);
      }
      return undefined;
    }
    const base = kinds ? perKind(cypherText(queryName), kinds) : cypherText(queryName);
    if (base === undefined) return undefined;
    const head = (id: string, read: boolean) => (read ? id : 'null');
    const withHead = base.replace(
      TUPLE_HEAD,
      (_, kind: string, actor: string, position: string) =>
        `[${head('r.id', ids.stance)}, ${kind}, ${actor === 'null' ? actor : head(actor, ids.actor)}, ${position === 'null' ? position : head(position, ids.position)},`,
    );
    text = FRAGMENTS.reduce((written, fragment, i) => {
      const keys = keyLists[i];
      const asked = Array.isArray(keys);
      const projection = `[${(asked ? (keys as string[]) : []).map(fragment.read).join(', ')}]`;
      const { guard } = fragment;
      // Functions, not strings, as replacements: `$` in the texts must stay as written.
      if (guard) return written.replaceAll(guard.guarded(fragment.generic), () => (asked ? guard.unguarded(projection) : 'null'));
      return written.replaceAll(fragment.generic, () => projection);
    }, withHead);
    writtenOut.set(shape, text);
  }
  return text;
}

/** The text with its PROPOSED block written once per kind (undefined if it has no such block). */
function perKind(text: string, kinds: readonly string[]): string | undefined {
  const block = KIND_BLOCK.exec(text)?.[0];
  if (block === undefined) return undefined;
  const blocks = kinds.map((kind) => block.replace('[r:PROPOSED]', `[r:${kind}]`).replace(/AS PROPOSED$/, `AS ${kind}`));
  // A function, not a string: `$` in the blocks (their parameters) must stay as written.
  return text.replace(block, () => blocks.join(',\n'));
}

/** Forgets the written-out texts (tests of the bound). */
export function forgetWrittenOut(): void {
  writtenOut.clear();
  boundReported = false;
}

/**
 * Query parameters of the /export routes, checked before any query runs. The stance filter
 * takes the same shape as GraphQL's `StanceFilter` and goes through the same `toStanceParams`,
 * so `/export/stances.csv?kind=REJECTED` and `stances(filter: {kinds: [REJECTED]})` select
 * the same stances. Every problem is a BAD_USER_INPUT that names the parameter; a parameter
 * the route does not know is refused too, so a typo ("kinds=REJECTD", "form=") never
 * silently exports everything.
 */
import { AppError, ErrorCode } from '../errors/errors.js';
import { StanceKind, Topic } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { type StanceFilter, checkDateRange, toStanceParams } from '../stances/stance-filter.input.js';

/** What Express hands over as `req.query` (the "simple" parser: strings and arrays of them). */
export type RawQuery = Record<string, unknown>;

/** More values than this in one list parameter is a mistake or abuse, not a filter. */
export const MAX_LIST_VALUES = 100;
const MAX_VALUE_LENGTH = 200;

/** A bad query parameter: HTTP 400 with `{ error: { code, parameter, message } }`. */
export function badParameter(parameter: string, problem: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `Parameter "${parameter}" ${problem}`, { parameter });
}

type ListField = 'kinds' | 'actorIds' | 'targetIds' | 'positionIds' | 'topics' | 'meetingIds' | 'sourceIds';

interface ListParameter {
  field: ListField;
  /** The short name first (shown in messages and docs), then the GraphQL field name. */
  names: readonly [string, string];
  parse(value: string, name: string): string;
}

const enumValue =
  (values: Record<string, string>) =>
  (value: string, name: string): string => {
    // Analysts type "rejected" as often as "REJECTED"; the meaning is not in doubt.
    const upper = value.toUpperCase();
    if (!Object.values(values).includes(upper))
      throw badParameter(name, `has an unknown value "${value}"; expected one of ${Object.values(values).join(', ')}`);
    return upper;
  };

const idValue = (value: string, name: string): string => {
  if (value.length > MAX_VALUE_LENGTH) throw badParameter(name, `has a value longer than ${MAX_VALUE_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw badParameter(name, 'has a value with control characters');
  return value;
};

const LIST_PARAMETERS: readonly ListParameter[] = [
  { field: 'kinds', names: ['kind', 'kinds'], parse: enumValue(StanceKind) },
  { field: 'actorIds', names: ['actor', 'actorIds'], parse: idValue },
  { field: 'targetIds', names: ['target', 'targetIds'], parse: idValue },
  { field: 'positionIds', names: ['position', 'positionIds'], parse: idValue },
  { field: 'topics', names: ['topic', 'topics'], parse: enumValue(Topic) },
  { field: 'meetingIds', names: ['meeting', 'meetingIds'], parse: idValue },
  { field: 'sourceIds', names: ['source', 'sourceIds'], parse: idValue },
];

/** Every value of a parameter, whether repeated (`?kind=A&kind=B`) or a comma list (`?kind=A,B`). */
function valuesOf(query: RawQuery, name: string): string[] {
  const raw = query[name];
  const parts = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') throw badParameter(name, 'must be a plain value (name=value)');
    for (const value of part.split(',')) {
      const trimmed = value.trim();
      if (trimmed === '') throw badParameter(name, 'has an empty value');
      values.push(trimmed);
    }
  }
  return values;
}

/** The one value of a single-valued parameter, or undefined when it is absent. */
function singleValueOf(query: RawQuery, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw badParameter(name, 'is given more than once');
  if (typeof raw !== 'string') throw badParameter(name, 'must be a plain value (name=value)');
  return raw.trim();
}

function dateOf(query: RawQuery, name: string): string | null {
  const value = singleValueOf(query, name);
  if (value === undefined) return null;
  try {
    // The GraphQL scalar's own check, so both APIs accept and refuse the same dates.
    return LocalDate.parseValue(value) as string;
  } catch {
    throw badParameter(name, `must be a calendar date as YYYY-MM-DD, got "${value}"`);
  }
}

function booleanOf(query: RawQuery, name: string): boolean | null {
  const value = singleValueOf(query, name);
  if (value === undefined) return null;
  if (/^(true|1)$/i.test(value)) return true;
  if (/^(false|0)$/i.test(value)) return false;
  throw badParameter(name, `must be true or false, got "${value}"`);
}

function refuseUnknown(query: RawQuery, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      const hint = known.length > 0 ? `; this export takes ${known.join(', ')}` : '; this export takes none';
      throw badParameter(name, `is not known${hint}`);
    }
  }
}

/** A date range with its end before its start, named as the HTTP parameter "to". */
function checkRange(from: string | null, to: string | null): void {
  try {
    checkDateRange(from, to);
  } catch (error) {
    if (error instanceof AppError && error.extensions['argument'] === 'to') throw badParameter('to', error.message.replace(/^Argument "to" /, ''));
    throw error;
  }
}

export const STANCE_PARAMETER_NAMES: readonly string[] = [...LIST_PARAMETERS.flatMap((p) => p.names), 'from', 'to', 'includeMembers', 'includeRetracted'];

/** `req.query` of /export/stances.* as a GraphQL `StanceFilter`. Throws on any bad parameter. */
export function parseStanceFilter(query: RawQuery): StanceFilter {
  refuseUnknown(query, STANCE_PARAMETER_NAMES);
  const lists = new Map<ListField, string[]>();
  for (const parameter of LIST_PARAMETERS) {
    const values: string[] = [];
    for (const name of parameter.names) {
      if (query[name] !== undefined) values.push(...valuesOf(query, name).map((value) => parameter.parse(value, name)));
    }
    if (values.length > MAX_LIST_VALUES) throw badParameter(parameter.names[0], `has ${values.length} values; at most ${MAX_LIST_VALUES} are allowed`);
    if (values.length > 0) lists.set(parameter.field, [...new Set(values)]);
  }
  const from = dateOf(query, 'from');
  const to = dateOf(query, 'to');
  checkRange(from, to);
  return {
    // The enum lists were checked value by value above.
    kinds: (lists.get('kinds') as StanceKind[] | undefined) ?? null,
    actorIds: lists.get('actorIds') ?? null,
    targetIds: lists.get('targetIds') ?? null,
    positionIds: lists.get('positionIds') ?? null,
    topics: (lists.get('topics') as Topic[] | undefined) ?? null,
    meetingIds: lists.get('meetingIds') ?? null,
    sourceIds: lists.get('sourceIds') ?? null,
    from,
    to,
    includeMembers: booleanOf(query, 'includeMembers'),
    includeRetracted: booleanOf(query, 'includeRetracted'),
  };
}

/** The Cypher parameters of `export/stream-stance-rows`: exactly those of `stances/list-stances`. */
export function toStanceExportParams(query: RawQuery): Record<string, unknown> {
  return toStanceParams(parseStanceFilter(query));
}

export const PLOVER_PARAMETER_NAMES: readonly string[] = ['from', 'to', 'includeRetracted'];

/** `req.query` of /export/plover.jsonl: an optional date window, and retracted stances or not. */
export function toPloverParams(query: RawQuery): Record<string, unknown> {
  refuseUnknown(query, PLOVER_PARAMETER_NAMES);
  const from = dateOf(query, 'from');
  const to = dateOf(query, 'to');
  checkRange(from, to);
  return { from, to, includeRetracted: booleanOf(query, 'includeRetracted') ?? false };
}

/** The whole-graph exports take no parameters: "every node, every edge". */
export function refuseAnyParameter(query: RawQuery): void {
  refuseUnknown(query, []);
}

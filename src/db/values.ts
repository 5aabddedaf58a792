/** Values across the driver boundary: parameters into Cypher, records out to plain JSON values. */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

/**
 * JavaScript has one number type; Cypher tells integers from floats and LIMIT, SKIP and list
 * slices need integers. This graph stores no fractional numbers, so whole numbers go as
 * integers.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  // A loop, not entries → map → fromEntries: every read of every request passes here.
  const converted: Record<string, unknown> = {};
  for (const key of Object.keys(value)) converted[key] = toNeo4jParams((value as Record<string, unknown>)[key]);
  return converted;
}

/**
 * Neo4j values to plain JSON-friendly values: temporals become ISO strings. Lists and maps the
 * driver decoded for this record are fresh objects owned by the caller, so they are converted
 * in place rather than copied (every row passes through here: copies were garbage to collect).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: return them before the temporal checks (this runs on
  // every value of every row, and was a visible share of a request's CPU in the profile).
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toPlain(value[i]);
    return value;
  }
  // Instants as ISO 8601 in UTC with milliseconds (Neo4j would print nanoseconds).
  if (isDateTime(value)) return value.toStandardDate().toISOString();
  if (isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) map[key] = toPlain(map[key]);
    return map;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
  return out;
}

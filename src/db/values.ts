/** Values across the driver boundary: parameters into Cypher, records out to plain JSON values. */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

/**
 * JavaScript has one number type; Cypher tells integers from floats and LIMIT, SKIP and list
 * slices need integers. This graph stores no fractional numbers, so whole numbers go as
 * integers.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNeo4jParams(inner)]));
  }
  return value;
}

/** Neo4j values to plain JSON-friendly values: temporals become ISO strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  // Instants as ISO 8601 in UTC with milliseconds (Neo4j would print nanoseconds).
  if (isDateTime(value)) return value.toStandardDate().toISOString();
  if (isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

/** Values across the driver boundary: parameters into Cypher and records out to plain values. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

import { toNeo4jParams, toPlain } from '../../src/db/values.js';

describe('driver values', () => {
  it('sends whole numbers as integers, everywhere in the parameters, and leaves everything else as it is', () => {
    const date = new neo4j.types.Date(2025, 6, 23);
    const params = toNeo4jParams({ limit: 25, ratio: 0.5, ids: ['a', 'b'], page: { offset: 0, nested: [1, 'x'] }, none: null, date }) as Record<
      string,
      unknown
    >;
    expect(neo4j.isInt(params['limit'])).toBe(true);
    expect(params['limit']).toEqual(neo4j.int(25));
    expect(params['ratio']).toBe(0.5);
    expect(params['ids']).toEqual(['a', 'b']);
    expect(params['page']).toEqual({ offset: neo4j.int(0), nested: [neo4j.int(1), 'x'] });
    expect(params['none']).toBeNull();
    // A driver value (not a plain object) goes through untouched.
    expect(params['date']).toBe(date);
  });

  it('reads temporals as ISO strings and converts lists and maps in place', () => {
    const row = { at: new neo4j.types.DateTime(2025, 6, 23, 10, 30, 0, 0, 0), day: new neo4j.types.Date(2025, 6, 23), list: [null, 'x'], map: { n: 1 } };
    expect(toPlain(row)).toEqual({ at: '2025-06-23T10:30:00.000Z', day: '2025-06-23', list: [null, 'x'], map: { n: 1 } });
  });
});

import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { MeasureCache } from '../../src/graph/measure-cache.js';

describe('MeasureCache', () => {
  const document = parse('query ($limit: Int) { stances(page: { limit: $limit }) { total } }');

  it('measures a document once per operation and variables', () => {
    const cache = new MeasureCache<number>();
    let measured = 0;
    const measure = (value: number) => () => {
      measured += 1;
      return value;
    };
    expect(cache.get(document, null, { limit: 5 }, measure(5))).toBe(5);
    expect(cache.get(document, null, { limit: 5 }, measure(99))).toBe(5);
    expect(measured).toBe(1);
    expect(cache.get(document, null, { limit: 50 }, measure(50))).toBe(50);
    expect(cache.get(document, 'Named', { limit: 5 }, measure(7))).toBe(7);
    expect(cache.get(parse('{ stances { total } }'), null, { limit: 5 }, measure(3))).toBe(3);
    expect(measured).toBe(4);
  });

  it('does not remember large variable sets', () => {
    const cache = new MeasureCache<number>();
    let measured = 0;
    const big = { text: 'x'.repeat(5_000) };
    cache.get(document, null, big, () => ++measured);
    cache.get(document, null, big, () => ++measured);
    expect(measured).toBe(2);
  });
});

/** The benchmark's summary statistics (scripts/bench/load.ts): what its tables print. */
import { describe, expect, it } from 'vitest';

import { mean, median, percentile } from '../../scripts/bench/load.js';

describe('benchmark statistics', () => {
  it('takes the median of the rounds, so one slow or fast round does not move it', () => {
    expect(median([120, 310, 300])).toBe(300);
    expect(median([300, 310])).toBe(305);
    expect(median([])).toBeNaN();
    expect(mean([120, 310, 300])).toBeCloseTo(243.33, 2);
  });

  it('reads percentiles from the sorted latencies', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(latencies, 50)).toBe(51);
    expect(percentile(latencies, 99)).toBe(100);
  });
});

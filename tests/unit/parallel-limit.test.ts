import { describe, expect, it } from 'vitest';

import { ParallelLimit } from '../../src/db/parallel-limit.js';

describe('ParallelLimit', () => {
  it('runs at most `max` tasks at once, the rest in arrival order, and all of them', async () => {
    const limit = new ParallelLimit(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => limit.run(task(i))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(limit.queued).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = new ParallelLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new ParallelLimit(0)).toThrow();
  });
});

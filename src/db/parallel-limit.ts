/**
 * At most `max` tasks at once; the others wait in arrival order. One per request bounds the
 * database work a single request can start in parallel (issue #9, defect 6: 100 aliased
 * fields took all 100 pooled connections and other clients failed). Pure; unit tested.
 */
export class ParallelLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`ParallelLimit needs a positive integer, got ${max}`);
  }

  /** How many tasks are waiting for a turn. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next task, so `running` never drops below the queue's need.
      if (next) next();
      else this.running--;
    }
  }
}

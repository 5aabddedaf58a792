/**
 * Polls /health/live all through a fuzz run and records how long each poll waited, counted
 * from when it was due: a blocked event loop delays the timer as well as the answer, so the
 * wait from the due time is what a load balancer's probe would see.
 */
export interface HealthReport {
  polls: number;
  longestWaitMs: number;
  /** When the longest wait began and ended (Date.now()), to find the requests in flight. */
  longestWaitWindow: [number, number];
  failures: string[];
}

export interface HealthWatch {
  stop(): Promise<HealthReport>;
}

export function startHealthWatch(url: string, intervalMs = 100): HealthWatch {
  const report: HealthReport = { polls: 0, longestWaitMs: 0, longestWaitWindow: [0, 0], failures: [] };
  let running = true;
  const loop = (async () => {
    while (running) {
      const due = Date.now() + intervalMs;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        await response.text();
        if (response.status !== 200) report.failures.push(`HTTP ${response.status} at poll ${report.polls}`);
      } catch (error) {
        report.failures.push(`no answer at poll ${report.polls}: ${String(error)}`);
      }
      report.polls++;
      const done = Date.now();
      if (done - due > report.longestWaitMs) {
        report.longestWaitMs = done - due;
        report.longestWaitWindow = [due, done];
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return report;
    },
  };
}

/**
 * Counts the driver sessions an app opens (each holds at most one pooled connection while it
 * runs a query), and the most open at once. Observes the real driver, replaces nothing.
 */
import type { App } from '../../src/app.js';

export interface SessionCounts {
  /** Sessions open now. */
  open: number;
  /** The most sessions open at once since the last reset. */
  mostOpen: number;
  /** Sessions opened since the last reset. */
  opened: number;
  reset(): void;
}

export function watchSessions(app: App): SessionCounts {
  const counts: SessionCounts = {
    open: 0,
    mostOpen: 0,
    opened: 0,
    reset() {
      counts.mostOpen = counts.open;
      counts.opened = 0;
    },
  };
  const driver = (app.executor as unknown as { driver: { session: (...args: unknown[]) => { close: () => Promise<void> } } }).driver;
  const openSession = driver.session.bind(driver);
  driver.session = (...args: unknown[]) => {
    const session = openSession(...args);
    counts.open++;
    counts.opened++;
    counts.mostOpen = Math.max(counts.mostOpen, counts.open);
    const close = session.close.bind(session);
    let closed = false;
    session.close = async () => {
      if (!closed) counts.open--;
      closed = true;
      return close();
    };
    return session;
  };
  return counts;
}

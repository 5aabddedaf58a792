/**
 * The local Neo4j's failure messages: a taken port, a server that does not come up (with the
 * end of its log), and idempotent starts. Uses ports of its own; the shared test database
 * is only asked for its status.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../src/config/paths.js';
import { defaultLocalNeo4jOptions, LocalNeo4jError, readPid, startLocalNeo4j, statusOfLocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';

const home = join(PROJECT_ROOT, '.data', 'neo4j-launcher-test');
const options = (port: number, extra: Partial<ReturnType<typeof defaultLocalNeo4jOptions>> = {}) => ({
  ...defaultLocalNeo4jOptions(),
  home,
  port,
  log: () => undefined,
  ...extra,
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

// A port beside this checkout's own Neo4j, so two checkouts can run their suites at once.
const BLOCKED_PORT = defaultLocalNeo4jOptions().port + 11;

describe('local Neo4j', () => {
  it('says which port is taken and what to do, without starting anything', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(BLOCKED_PORT, '127.0.0.1', resolve));
    try {
      const error = await startLocalNeo4j(options(BLOCKED_PORT)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LocalNeo4jError);
      expect((error as Error).message).toMatch(new RegExp(`Port ${BLOCKED_PORT} is already in use.*NEO4J_LOCAL_PORT.*NEO4J_URI`, 's'));
      expect(readPid(options(BLOCKED_PORT))).toBeUndefined();
    } finally {
      blocker.close();
    }
  });

  it('shows the end of the log when the server does not come up', async () => {
    const error = await startLocalNeo4j(options(7699, { heap: 'not-a-size' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as Error).message).toMatch(/Neo4j did not come up \(the process exited\)/);
    expect((error as Error).message).toMatch(/Last lines of .*launcher\.log:\n.*Invalid maximum heap size/s);
  });

  // With NEO4J_URI set the suite runs against another server and no local one exists.
  it.runIf(!process.env['NEO4J_URI'])('finds the running server on a second start instead of starting another', async () => {
    const shared = { ...defaultLocalNeo4jOptions(), log: () => undefined };
    const before = await statusOfLocalNeo4j(shared);
    expect(before.running).toBe(true); // the global setup started it
    expect(await startLocalNeo4j(shared)).toBe(before.uri);
    expect((await statusOfLocalNeo4j(shared)).pid).toBe(before.pid);
  });
});

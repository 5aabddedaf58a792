/** One structured log line per request, with the facts an operator needs and no secrets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { createLogger } from '../../src/logging/logger.js';
import { execute, testConfig } from '../helpers/test-app.js';

const lines: string[] = [];
let app: App;
beforeAll(async () => {
  const config = testConfig({ LOG_LEVEL: 'info' });
  app = await createApp(config, { logger: createLogger('info', (line) => lines.push(line)) });
  await app.database.prepare();
});
afterAll(async () => {
  await app.stop();
});

describe('request log', () => {
  it('logs the operation, its duration and outcome, one JSON line per request', async () => {
    lines.length = 0;
    await execute(app, 'query WhoIsMedinsky { actors(name: "medinsky") { total } }');
    await execute(app, 'query Broken { actors(page: { limit: 0 }) { total } }');
    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry['msg'] === 'graphql request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ level: 'info', operation: 'WhoIsMedinsky', type: 'query', outcome: 'ok', durationMs: expect.any(Number) });
    expect(requests[1]).toMatchObject({ operation: 'Broken', outcome: 'error', errorCodes: ['BAD_USER_INPUT'] });
  });

  it('never writes the database password, even when Neo4j refuses it', async () => {
    // A service configured with a wrong password logs the refusal on every request: that is
    // where a careless log line would print the configuration. A user of its own, so Neo4j's
    // lock-out after failed logins never touches the user the other tests share.
    const wrongPassword = `wrong-${Math.random().toString(36).slice(2)}-secret`;
    const failing: string[] = [];
    const misconfigured = await createApp(testConfig({ LOG_LEVEL: 'debug', NEO4J_USER: 'request-log-test', NEO4J_PASSWORD: wrongPassword }), {
      logger: createLogger('debug', (line) => failing.push(line)),
    });
    try {
      const result = await execute(misconfigured, '{ actors { total } }');
      expect(result.errors?.[0]?.extensions?.['code']).toBe('DATABASE_UNAVAILABLE');
      expect(failing.some((line) => line.includes('Neo.ClientError.Security'))).toBe(true);
      expect(failing.join('\n')).not.toContain(wrongPassword);
    } finally {
      misconfigured.database.stop();
      await misconfigured.stop();
    }
    expect(lines.join('\n')).not.toContain(app.config.neo4j.password);
  });
});

/**
 * Subscribe messages over WebSocket pass the limits an HTTP request passes (issue 9), in the
 * same order and with the same codes: the rate limit, then the token, then the document's
 * size before it is parsed and validated, then its expanded size, depth and cost. Each bomb is
 * sent while /health/live is polled every 50 ms; no poll may wait more than a second (the
 * bound of tests/e2e/hostile-requests.e2e.test.ts).
 */
import { createServer, get, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { makeTokens, runMarker, type TestTokens } from '../helpers/curation.js';
import { type Replica, subscribe, type Subscription } from '../helpers/replicas.js';
import { testConfig } from '../helpers/test-app.js';

interface Served {
  app: App;
  server: Server;
  target: Replica;
}

const marker = runMarker();
let tokens: TestTokens;
let served: Served;

async function serve(env: Record<string, string>): Promise<Served> {
  const httpServer = createServer();
  const app = await createApp(testConfig({ AUTH_TOKENS: tokens.env, ...env }), { httpServer });
  await app.database.prepare();
  httpServer.on('request', app.http);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as { port: number }).port;
  return { app, server: httpServer, target: { name: 'in-process', url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/graphql` } as Replica };
}

async function stop(what: Served | undefined): Promise<void> {
  if (!what) return;
  await what.app.stop();
  what.server.close();
}

/** Subscribes and waits for the server's answer: an error, an event, or 1.5 s of quiet (admitted: no change came). */
async function attempt(on: Replica, query: string, options: Parameters<typeof subscribe>[2] = {}): Promise<Subscription> {
  const subscription = subscribe(on, query, options);
  await subscription.next(1, 1_500);
  return subscription;
}

/** The first error of a refused subscription (graphql-ws hands the error sink the list of errors). */
function refusalOf(subscription: Subscription): { message: string; extensions?: Record<string, unknown> } | undefined {
  return (subscription.errors[0] as Array<{ message: string; extensions?: Record<string, unknown> }> | undefined)?.[0];
}

/** Fragment N spreads fragment N+1 twice: 2^N fields once expanded. */
function doublingChain(fragments: number): string {
  let text = 'subscription S { stanceChanged { stance { ...F0 } } }\n';
  for (let i = 0; i < fragments; i++) text += `fragment F${i} on Stance { id ${i + 1 < fragments ? `...F${i + 1} ...F${i + 1}` : ''} }\n`;
  return text;
}

const TOO_DEEP = `subscription { stanceChanged { stance { actor { proposed { position { proposedBy { actor { proposed { position { proposedBy { id } } } } } } } } } } }`;
// Within the depth limit, but 200 stances of each of 200 positions: far past the cost limit.
const TOO_COSTLY = `subscription { stanceChanged { stance { actor { proposed(page: { limit: 200 }) { position { proposedBy(page: { limit: 200 }) { id } } } } } } }`;
// 10,001 selections: over the 10,000-token cap, well under the 64 KB a message may have.
const TOO_MANY_TOKENS = `subscription { stanceChanged { ${'at '.repeat(10_001)} } }`;

/** One GET of /health/live on a connection of its own. */
function probeLive(base: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = get(`${base}/health/live`, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
  });
}

beforeAll(async () => {
  tokens = makeTokens(marker);
  served = await serve({});
}, 120_000);

afterAll(async () => {
  await stop(served);
});

describe('limits on subscribe messages', () => {
  it('refuses bombs over the WebSocket with the codes HTTP gives them, while /health/live keeps answering', async () => {
    const bombs: Array<{ name: string; query: string; variables?: Record<string, unknown>; code: string; limit: string }> = [
      { name: '24-fragment doubling chain', query: doublingChain(24), code: 'QUERY_TOO_COMPLEX', limit: 'fields' },
      { name: '150-fragment doubling chain', query: doublingChain(150), code: 'QUERY_TOO_COMPLEX', limit: 'fragments' },
      { name: 'too deep a selection', query: TOO_DEEP, code: 'QUERY_TOO_COMPLEX', limit: 'depth' },
      { name: 'too costly a selection', query: TOO_COSTLY, code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
      { name: 'over the token cap', query: TOO_MANY_TOKENS, code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
      {
        name: '100-deep JSON variables',
        query: 'subscription ($filter: StanceChangeFilter) { stanceChanged(filter: $filter) { change } }',
        variables: { filter: JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`) as Record<string, unknown> },
        code: 'BAD_USER_INPUT',
        limit: 'jsonDepth',
      },
    ];
    let polling = true;
    const waits: number[] = [];
    const failures: string[] = [];
    const pollWaiters: Array<() => void> = [];
    /** Resolves when the poller completes its next poll, so every bomb overlaps polling. */
    const nextPoll = () => new Promise<void>((resolve) => pollWaiters.push(resolve));
    const poller = (async () => {
      while (polling) {
        const sent = performance.now();
        const status = await probeLive(served.target.url).catch((error: unknown) => String(error));
        if (status !== 200) failures.push(String(status));
        waits.push(performance.now() - sent);
        for (const waiter of pollWaiters.splice(0)) waiter();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const answers: Array<{ name: string; code: unknown; limit: unknown; events: number }> = [];
    try {
      await nextPoll();
      for (const bomb of bombs) {
        const subscription = await attempt(served.target, bomb.query, { variables: bomb.variables ?? {} });
        const refusal = refusalOf(subscription);
        answers.push({ name: bomb.name, code: refusal?.extensions?.['code'], limit: refusal?.extensions?.['limit'], events: subscription.events.length });
        // What a client reads over WebSocket has no HTTP status in it.
        expect(refusal?.extensions?.['http']).toBeUndefined();
        await subscription.close();
        await nextPoll();
      }
    } finally {
      polling = false;
      await poller;
    }
    expect(answers).toEqual(bombs.map(({ name, code, limit }) => ({ name, code, limit, events: 0 })));
    expect(failures).toEqual([]);
    expect(waits.length).toBeGreaterThanOrEqual(bombs.length);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1_000);
  }, 120_000);

  it('refuses a token that does not verify before parsing or validating the document', async () => {
    const forged = tokens.tokens.reader.slice(0, -2) + 'xx';
    for (const query of ['subscription { noSuchField }', 'subscription {', doublingChain(150)]) {
      const subscription = await attempt(served.target, query, { token: forged });
      expect(refusalOf(subscription)?.extensions?.['code'], query.slice(0, 40)).toBe('UNAUTHENTICATED');
      await subscription.close();
    }
    // Without a token the same documents get what is wrong with them, with the codes Apollo gives over HTTP.
    const invalid = await attempt(served.target, 'subscription { noSuchField }');
    expect(refusalOf(invalid)?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const unparsable = await attempt(served.target, 'subscription {');
    expect(refusalOf(unparsable)?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    await Promise.all([invalid.close(), unparsable.close()]);
  });
});

describe('the rate limit on subscribe messages', () => {
  it('counts subscribe messages in the /graphql budget of their token or address, with RATE_LIMITED past it', async () => {
    const limited = await serve({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_ANONYMOUS_MAX: '3', RATE_LIMIT_TOKEN_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' });
    const open: Subscription[] = [];
    const post = () =>
      fetch(`${limited.target.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const SUBSCRIPTION = 'subscription { stanceChanged { change } }';
    try {
      // One HTTP request and two subscriptions from this address: three, the budget.
      expect((await post()).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        open.push(await attempt(limited.target, SUBSCRIPTION));
        expect(open[i]?.errors).toEqual([]);
      }
      const refused = await attempt(limited.target, SUBSCRIPTION);
      open.push(refused);
      expect(refusalOf(refused)?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refusalOf(refused)?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
      expect(refusalOf(refused)?.message).toMatch(/limit is 3 per 60 s/);
      // The budget is one: HTTP is refused now too.
      expect((await post()).status).toBe(429);

      // A token is a client of its own, with its own budget.
      for (let i = 0; i < 2; i++) {
        const withToken = await attempt(limited.target, SUBSCRIPTION, { token: tokens.tokens.reader });
        open.push(withToken);
        expect(withToken.errors).toEqual([]);
      }
      const overToken = await attempt(limited.target, SUBSCRIPTION, { token: tokens.tokens.reader });
      open.push(overToken);
      expect(refusalOf(overToken)?.extensions?.['code']).toBe('RATE_LIMITED');
      expect(refusalOf(overToken)?.message).toMatch(/from this token/);
    } finally {
      await Promise.all(open.map((subscription) => subscription.close()));
      await stop(limited);
    }
  }, 60_000);
});

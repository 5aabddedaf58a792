/**
 * The /graphql fast path (src/graph/graphql-fast-path.ts) answers plain POSTs without Express.
 * A client must not be able to tell which way its request went: the same requests, in the same
 * order, sent to an app with the fast path and to one where every request goes through Express
 * get the same statuses, headers and bodies, refusals and rate limits included.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import type * as FastPathModule from '../../src/graph/graphql-fast-path.js';
import { type FastPath, type FastPathDeps, graphqlFastPath, withFastPath } from '../../src/graph/graphql-fast-path.js';
import { makeTokens, runMarker } from '../helpers/curation.js';
import { type HttpAnswer, sendForAnswer } from '../helpers/http-answer.js';
import { testConfig } from '../helpers/test-app.js';

// Counts the requests the apps' fast paths answered, so the comparison below cannot pass with
// every request quietly going through Express in both apps.
const fastAnswered = vi.hoisted(() => ({ urls: [] as string[] }));
vi.mock('../../src/graph/graphql-fast-path.js', async (importOriginal) => {
  const original = await importOriginal<typeof FastPathModule>();
  return {
    ...original,
    graphqlFastPath: (deps: FastPathDeps): FastPath => {
      const fastPath = original.graphqlFastPath(deps);
      return { takes: fastPath.takes, handle: (req, res) => (fastAnswered.urls.push(req.url ?? ''), fastPath.handle(req, res)) };
    },
  };
});

const tokens = makeTokens(runMarker());
const settings = {
  RATE_LIMIT_ENABLED: 'true',
  // Low enough that the anonymous requests below run into it, and the token's do not.
  RATE_LIMIT_ANONYMOUS_MAX: '24',
  RATE_LIMIT_TOKEN_MAX: '100',
  AUTH_TOKENS: tokens.env,
  GRAPHQL_MAX_BODY_BYTES: '4096',
  GRAPHQL_MAX_TOKENS: '300',
};

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

type Answer = HttpAnswer;

// The headers either path sets; Date, Connection and Keep-Alive are Node's own.
const COMPARED_HEADERS = ['content-type', 'content-length', 'cache-control', 'www-authenticate', 'ratelimit', 'ratelimit-policy', 'retry-after'];

function send(base: string, { method = 'POST', path = '/graphql', headers = {}, body }: Sent): Promise<Answer> {
  return sendForAnswer(`${base}${path}`, { method, headers, body }, COMPARED_HEADERS);
}

const json = (body: unknown, headers: Record<string, string> = {}): Sent => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const deep = (levels: number): unknown => (levels === 0 ? 1 : { a: deep(levels - 1) });

/** Plain POSTs (the fast path's), then a few the Express chain keeps; anonymous ones run into the rate limit at the end. */
const REQUESTS: Array<[string, Sent]> = [
  ['a query', json({ query: '{ actors(page: { limit: 2 }) { total items { id name } } }' })],
  ['a query with variables', json({ query: 'query ($id: ID!) { actor(id: $id) { name } }', variables: { id: 'no-such-actor' } })],
  ['charset in the content type', json({ query: '{ __typename }' }, { 'content-type': 'application/json; charset=UTF-8' })],
  ['a byte-order mark', { headers: { 'content-type': 'application/json' }, body: `\uFEFF${JSON.stringify({ query: '{ __typename }' })}` }],
  ['a syntax error', json({ query: '{ actors { ' })],
  ['an unknown field', json({ query: '{ nope }' })],
  ['malformed JSON', { headers: { 'content-type': 'application/json' }, body: '{"query": ' }],
  ['a JSON string, not an object', { headers: { 'content-type': 'application/json' }, body: '"{ __typename }"' }],
  ['an empty body', { headers: { 'content-type': 'application/json', 'content-length': '0' }, body: '' }],
  ['a body over the limit', json({ query: `{ __typename } ${'#'.repeat(5000)}` })],
  ['variables nested too deep', json({ query: '{ __typename }', variables: { x: deep(80) } })],
  ['a document of too many tokens', json({ query: `{ ${'__typename '.repeat(400)}}` })],
  ['a batch', { headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) }],
  ['a write without a token', json({ query: 'mutation { retractStance(id: "x", reason: "y") { id } }' })],
  ['an unknown token', json({ query: '{ __typename }' }, { authorization: 'Bearer ngt_not-a-real-token' })],
  ['a reader token', json({ query: '{ actors(page: { limit: 1 }) { items { id } } }' }, { authorization: `Bearer ${tokens.tokens.reader}` })],
  ['a chunked body', { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: JSON.stringify({ query: '{ __typename }' }) }],
  ['a query string on the URL', { ...json({ query: '{ __typename }' }), path: '/graphql?operationName=x' }],
  // Not the fast path's: the Express chain answers these in both apps.
  ['a GET query', { method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: { 'apollo-require-preflight': 'true' } }],
  ['a text/plain body', { headers: { 'content-type': 'text/plain' }, body: '{ __typename }' }],
  [
    'a UTF-16 charset',
    { headers: { 'content-type': 'application/json; charset=utf-16le' }, body: Buffer.from(JSON.stringify({ query: '{ __typename }' }), 'utf16le') },
  ],
  // Every request above but the reader's counted against this address: these are its 21st to
  // 25th, and the limit is 24.
  ...Array.from({ length: 5 }, (_, i): [string, Sent] => [`anonymous request ${21 + i}`, json({ query: '{ __typename }' })]),
];

/** RateLimit's t= and Retry-After count seconds to the window's end, which may tick between the two runs. */
function withoutSeconds(answer: Answer): Answer {
  const headers = {
    ...answer.headers,
    ratelimit: answer.headers['ratelimit']?.replace(/t=\d+/, 't=…'),
    'retry-after': answer.headers['retry-after'] ? '…' : undefined,
  };
  return { ...answer, headers, body: answer.body.replace(/in \d+ s\./, 'in … s.').replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":…') };
}

async function serve(app: App): Promise<{ server: Server; base: string }> {
  const server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let fast: App;
let viaExpress: App;
const servers: Server[] = [];
let fastBase: string;
let expressBase: string;

beforeAll(async () => {
  fast = await createApp(testConfig(settings));
  viaExpress = await createApp(testConfig(settings), { expressOnly: true });
  await Promise.all([fast.database.prepare(), viaExpress.database.prepare()]);
  const [a, b] = await Promise.all([serve(fast), serve(viaExpress)]);
  servers.push(a.server, b.server);
  fastBase = a.base;
  expressBase = b.base;
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all([fast.stop(), viaExpress.stop()]);
});

describe('the /graphql fast path', () => {
  it('takes plain JSON POSTs to /graphql and leaves everything else to Express', () => {
    // Deciding needs the request's headers only: no server, no database.
    const { takes } = graphqlFastPath({ config: testConfig(settings) } as FastPathDeps);
    const asRequest = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers }) as unknown as IncomingMessage;
    const body = { 'content-type': 'application/json', 'content-length': '20' };
    expect(takes(asRequest('POST', '/graphql', body))).toBe(true);
    expect(takes(asRequest('POST', '/graphql?x=1', { ...body, 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    expect(takes(asRequest('POST', '/graphql', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(takes(asRequest('GET', '/graphql?query=x', {}))).toBe(false);
    expect(takes(asRequest('POST', '/graphql/', body))).toBe(false);
    expect(takes(asRequest('POST', '/export/stances', body))).toBe(false);
    expect(takes(asRequest('POST', '/graphql', { ...body, 'content-type': 'text/plain' }))).toBe(false);
    expect(takes(asRequest('POST', '/graphql', { ...body, 'content-type': 'application/json; charset=utf-16' }))).toBe(false);
    expect(takes(asRequest('POST', '/graphql', { ...body, 'content-encoding': 'gzip' }))).toBe(false);
    expect(takes(asRequest('POST', '/graphql', { 'content-type': 'application/json' }))).toBe(false);
  });

  it('hands the requests it takes to the fast path and every other to Express', () => {
    const handled: string[] = [];
    const fastPath: FastPath = { takes: (req) => req.url === '/graphql', handle: (req) => handled.push(`fast ${req.url}`) };
    const handler = withFastPath(fastPath, (req) => handled.push(`express ${req.url}`));
    for (const url of ['/graphql', '/health/live', '/graphql']) handler({ url } as IncomingMessage, {} as ServerResponse);
    expect(handled).toEqual(['fast /graphql', 'express /health/live', 'fast /graphql']);
  });

  it('answers every request exactly as the Express chain does', async () => {
    const answers: Array<{ request: string; fast: Answer; express: Answer }> = [];
    const plainPosts = REQUESTS.filter(
      ([, sent]) => (sent.method ?? 'POST') === 'POST' && /^application\/json(; charset=utf-8)?$/i.test(sent.headers?.['content-type'] ?? ''),
    ).length;
    for (const [name, sent] of REQUESTS) {
      answers.push({ request: name, fast: await send(fastBase, sent), express: await send(expressBase, sent) });
    }
    // Every plain JSON POST went the fast way in the one app, none in the Express-only one.
    expect(fastAnswered.urls).toHaveLength(plainPosts);
    expect(plainPosts).toBe(23);
    for (const { request: name, fast: a, express: b } of answers)
      expect({ request: name, ...withoutSeconds(a) }).toEqual({ request: name, ...withoutSeconds(b) });
    // What the comparison covered: answers, refusals of every kind, and the rate limit.
    const statuses = new Set(answers.map((answer) => answer.fast.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 401, 413, 415, 429]));
    const byName = Object.fromEntries(answers.map((answer) => [answer.request, answer.fast]));
    expect(JSON.parse(byName['a query']?.body ?? '{}').data.actors.items).toHaveLength(2);
    expect(byName['a reader token']?.status).toBe(200);
    expect(byName['anonymous request 24']?.status).toBe(200);
    expect(byName['anonymous request 25']?.status).toBe(429);
    expect(byName['anonymous request 25']?.headers['ratelimit']).toMatch(/^"24-in-1min"; r=0; t=\d+$/);
  });
});

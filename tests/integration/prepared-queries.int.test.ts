/**
 * Plain queries are answered without Apollo's pipeline (src/graph/prepared-queries.ts) and,
 * once their document recurs, by a function compiled for it (src/graph/compiled-operations.ts).
 * A client must not be able to tell: every request below goes three times to an app doing both
 * (graphql-js the first time, compiled from the second) and once to an app where every request
 * goes through Express, Apollo and graphql-js, as before either existed; statuses, headers,
 * bodies and log lines must be the same. The requests are every example of the playground (as
 * its own document and by name from the whole file), every README example, and the shapes a
 * compiler can get wrong: variables and their defaults, fragments, type conditions, aliases,
 * directives, unions, errors in resolvers, refusals and media types.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { createLogger } from '../../src/logging/logger.js';
import { readExampleOperations } from '../../src/web/example-operations.js';
import { makeTokens, runMarker } from '../helpers/curation.js';
import { type HttpAnswer, sendForAnswer } from '../helpers/http-answer.js';
import { testConfig } from '../helpers/test-app.js';

interface Sent {
  body: unknown;
  headers?: Record<string, string>;
}

type Answer = HttpAnswer;

const COMPARED_HEADERS = ['content-type', 'content-length', 'cache-control', 'www-authenticate', 'retry-after'];

/**
 * The answer, its media type's parameter names in lower case: they are case-insensitive, and
 * Express writes Apollo's `callbackSpec` as `callbackspec` where node:http (the fast path, with
 * or without the prepared queries) writes it as Apollo chose it.
 */
async function send(base: string, { body, headers = {} }: Sent): Promise<Answer> {
  const answer = await sendForAnswer(
    `${base}/graphql`,
    { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
    COMPARED_HEADERS,
  );
  const contentType = answer.headers['content-type']?.replace(/;\s*([^=;]+)=/g, (_match, name: string) => `; ${name.toLowerCase()}=`);
  return { ...answer, headers: { ...answer.headers, 'content-type': contentType } };
}

interface Served {
  app: App;
  base: string;
  server: Server;
  /** The app's 'graphql request' log lines, without their durations. */
  logged: Array<Record<string, unknown>>;
}

async function serve(settings: Record<string, string>, expressOnly: boolean): Promise<Served> {
  const logged: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', (line) => {
    const { msg, durationMs: _durationMs, time: _time, ...entry } = JSON.parse(line) as Record<string, unknown>;
    if (msg === 'graphql request') logged.push(entry);
  });
  const app = await createApp(testConfig({ LOG_LEVEL: 'info', ...settings }), { logger, expressOnly });
  await app.database.prepare();
  const server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { app, server, logged, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const { text: examplesFile, examples } = readExampleOperations();
const readmeQueries = [...readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```\s*```json\n/g)].map(
  (match) => match[1] as string,
);

const q = (query: string, more: Omit<Sent, 'body'> & { variables?: unknown; operationName?: string } = {}): Sent => {
  const { variables, operationName, headers } = more;
  return { body: { query, ...(variables !== undefined ? { variables } : {}), ...(operationName ? { operationName } : {}) }, headers };
};

const POSITION_FIELDS = `
  fragment PositionFields on Position { id title __typename ... on Demand { __typename } }
`;

/** Shapes a compiler can get wrong, and errors and refusals, which must come out as Apollo's. */
const SHAPES: Array<[string, Sent]> = [
  [
    'variables given',
    q('query ($kinds: [StanceKind!], $limit: Int!) { stances(filter: { kinds: $kinds }, page: { limit: $limit }) { total items { kind date } } }', {
      variables: { kinds: ['REJECTED'], limit: 3 },
    }),
  ],
  ['a required variable left to its default', q('query ($limit: Int! = 2) { actors(page: { limit: $limit }) { items { id name } } }')],
  ['a nullable variable left to its default', q('query ($limit: Int = 2) { positions(page: { limit: $limit }) { items { id title } } }')],
  ['a variable given null', q('query ($name: String) { actors(name: $name, page: { limit: 2 }) { total } }', { variables: { name: null } })],
  [
    'aliases, named fragments and type conditions',
    q(
      `{ first: positions(page: { limit: 3 }) { items { ...PositionFields } } again: positions(page: { limit: 2, offset: 1 }) { items { ...PositionFields } } } ${POSITION_FIELDS}`,
    ),
  ],
  [
    '@include and @skip by variables',
    q(
      'query ($withSources: Boolean!, $noDates: Boolean!) { stances(page: { limit: 4 }) { items { kind date @skip(if: $noDates) sources @include(if: $withSources) { id } } } }',
      { variables: { withSources: true, noDates: true } },
    ),
  ],
  [
    'a union, __typename and inline fragments',
    q('{ disagreements(page: { limit: 3 }) { items { concerns { __typename ... on Actor { name } ... on Stance { kind actor { id } } } } } }'),
  ],
  [
    'an actor with its lists, meetings and sources',
    q(
      '{ actor(id: "actor:ukraine") { name proposed { date meeting { id title } position { title } sources { publisher } } rejected(page: { limit: 2 }) { position { id } } } }',
    ),
  ],
  [
    'search with its items',
    q('query ($text: String!) { search(text: $text, limit: 5) { score kind item { __typename ... on Position { title } ... on Actor { name } } } }', {
      variables: { text: 'prisoner exchange' },
    }),
  ],
  [
    'an operation chosen by name',
    q('query A { actors(page: { limit: 1 }) { total } } query B { positions(page: { limit: 1 }) { total } }', { operationName: 'B' }),
  ],
  ['an error in a resolver', q('{ actors(page: { limit: 0 }) { total } }')],
  ['an error in one of two fields', q('{ ok: actors(page: { limit: 1 }) { total } bad: positions(page: { limit: -5 }) { total } }')],
  ['a variable of the wrong type', q('query ($limit: Int!) { actors(page: { limit: $limit }) { total } }', { variables: { limit: 'many' } })],
  ['a required variable missing', q('query ($limit: Int!) { actors(page: { limit: $limit }) { total } }')],
  ['an unknown operation name', q('query A { actors { total } }', { operationName: 'Nope' })],
  ['two operations without a name', q('query A { actors { total } } query B { positions { total } }')],
  ['introspection', q('{ __schema { queryType { name } } }')],
  ['a mutation without a token', q('mutation { retractStance(id: "stance:x", reason: "test") { id } }')],
  ['a syntax error', q('{ actors { ')],
  ['an unknown field', q('{ actors { nope } }')],
  ['extensions in the body', { body: { query: '{ actors { total } }', extensions: {} } }],
  ['GraphQL response JSON asked for', q('{ actors { total } }', { headers: { accept: 'application/graphql-response+json' } })],
  ['JSON preferred by weight', q('{ actors { total } }', { headers: { accept: 'application/graphql-response+json;q=0.5, application/json' } })],
  ['any media type', q('{ actors { total } }', { headers: { accept: '*/*' } })],
  ["Apollo's callback media type", q('{ actors { total } }', { headers: { accept: 'application/json; callbackSpec=1.0' } })],
  ['no acceptable media type', q('{ actors { total } }', { headers: { accept: 'text/html' } })],
  ['a bad Bookmark header', q('{ actors { total } }', { headers: { bookmark: 'not a bookmark!' } })],
];

const REQUESTS: Array<[string, Sent]> = [
  ...examples.map((example): [string, Sent] => [`example ${example.name}`, q(example.query)]),
  ...examples.map((example): [string, Sent] => [`example ${example.name} from the file`, q(examplesFile, { operationName: example.name })]),
  ...readmeQueries.map((query, i): [string, Sent] => [`README example ${i + 1}`, q(query)]),
  ...SHAPES,
];

let fast: Served;
let reference: Served;

beforeAll(async () => {
  [fast, reference] = await Promise.all([serve({ GRAPHQL_COMPILE_AFTER: '2' }, false), serve({ GRAPHQL_COMPILE_AFTER: '0' }, true)]);
});
afterAll(async () => {
  for (const served of [fast, reference]) {
    await new Promise((resolve) => served.server.close(resolve));
    await served.app.stop();
  }
});

describe('queries answered without Apollo, compiled once they recur', () => {
  it('answer every request as Express, Apollo and graphql-js do, the first time and compiled', async () => {
    const mismatches: string[] = [];
    for (const [name, sent] of REQUESTS) {
      const expected = await send(reference.base, sent);
      const expectedLog = reference.logged.splice(0);
      for (let time = 1; time <= 3; time += 1) {
        const answer = await send(fast.base, sent);
        const log = fast.logged.splice(0);
        if (JSON.stringify(answer) !== JSON.stringify(expected)) mismatches.push(`${name} (${time}): ${JSON.stringify(answer)} != ${JSON.stringify(expected)}`);
        if (JSON.stringify(log) !== JSON.stringify(expectedLog))
          mismatches.push(`${name} (${time}) log: ${JSON.stringify(log)} != ${JSON.stringify(expectedLog)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The reference is Apollo on its own (GRAPHQL_COMPILE_AFTER=0: no executor of ours), and its answers are the right ones.
    const statusOf = async (name: string) => (await send(reference.base, REQUESTS.find(([key]) => key === name)?.[1] as Sent)).status;
    expect(await statusOf('an unknown operation name')).toBe(400);
    expect(await statusOf('a variable of the wrong type')).toBe(400);
    expect(await statusOf('no acceptable media type')).toBe(406);
    expect(await statusOf('example WhoRejectedWhat')).toBe(200);

    // What the comparison covered: answers with data, errors of resolvers, refusals.
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(readmeQueries.length).toBeGreaterThanOrEqual(5);
    const { answered, withErrors } = fast.app.prepared.counts;
    // Three sendings of each example (twice over) and README example, and of the 14 shapes that answer without errors
    // (the ten before the errors and the four media types a JSON answer can have).
    expect(answered).toBe(3 * (2 * examples.length + readmeQueries.length + 14));
    // Executed ahead, then formatted by Apollo: the resolver errors, three times each.
    expect(withErrors).toBe(3 * 2);
    // Compiled on their second request: each document (and operation name) that ran without Apollo.
    expect(fast.app.operations.compiledCount).toBeGreaterThanOrEqual(2 * examples.length + readmeQueries.length);
  });

  it('leave documents of more than 300 fields to graphql-js, which compile too slowly to be worth it', async () => {
    const fields = (aliases: number) =>
      `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: stances(page: { limit: 1 }) { items { id kind date actor { id name } position { id title } } }`).join(' ')} }`;
    // 25 and 40 aliases of 10 fields each: 250 and 400 fields.
    for (const [query, compiles] of [
      [fields(25), 1],
      [fields(40), 0],
    ] as const) {
      const before = fast.app.operations.compiledCount;
      const answers = [];
      for (let time = 1; time <= 3; time += 1) answers.push(await send(fast.base, q(query)));
      expect(fast.app.operations.compiledCount - before).toBe(compiles);
      expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
      expect(answers[0]).toEqual(await send(reference.base, q(query)));
      expect(JSON.parse(answers[0]?.body ?? '{}').data.a0.items).toHaveLength(1);
    }
  });

  it('refuse and bound as Apollo does: a missing token, a response over its budget', async () => {
    const tokens = makeTokens(runMarker());
    const settings = { READS_REQUIRE_TOKEN: 'true', AUTH_TOKENS: tokens.env, GRAPHQL_MAX_RESPONSE_FIELDS: '40' };
    const [strict, strictReference] = await Promise.all([
      serve({ ...settings, GRAPHQL_COMPILE_AFTER: '1' }, false),
      serve({ ...settings, GRAPHQL_COMPILE_AFTER: '0' }, true),
    ]);
    try {
      const reader = { authorization: `Bearer ${tokens.tokens.reader}` };
      const requests: Array<[string, Sent]> = [
        ['no token', q('{ actors(page: { limit: 2 }) { total } }')],
        ['a reader token', q('{ actors(page: { limit: 2 }) { total items { name } } }', { headers: reader })],
        ['over the response budget', q('{ stances(page: { limit: 30 }) { items { kind date position { title } } } }', { headers: reader })],
      ];
      for (const [name, sent] of requests) {
        const expected = await send(strictReference.base, sent);
        for (let time = 1; time <= 2; time += 1) expect({ name, time, ...(await send(strict.base, sent)) }).toEqual({ name, time, ...expected });
      }
      const answers = await Promise.all(requests.map(([, sent]) => send(strict.base, sent)));
      expect(answers.map((answer) => answer.status)).toEqual([401, 200, 400]);
      expect(JSON.parse(answers[2]?.body ?? '{}').errors[0].extensions.code).toBe('RESULT_TOO_LARGE');
      // The reader's query ran without Apollo; the refused one went to Apollo unexecuted; the one over budget ran once, ahead.
      expect(strict.app.prepared.counts).toEqual({ answered: 3, withErrors: 3 });
    } finally {
      for (const served of [strict, strictReference]) {
        await new Promise((resolve) => served.server.close(resolve));
        await served.app.stop();
      }
    }
  });
});

/**
 * Issue 9: the limits a GraphQL request meets in the pipeline, checked through Apollo's whole
 * request pipeline; a refused request never reaches the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { executeAs } from '../helpers/curation.js';
import { createTestApp, execute } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** Fragment N spreads fragment N+1 twice: 2^N fields once expanded. */
function doublingChain(fragments: number): string {
  let text = 'query Q { actors { items { ...F0 } } }\n';
  for (let i = 0; i < fragments; i++) text += `fragment F${i} on Actor { id ${i + 1 < fragments ? `...F${i + 1} ...F${i + 1}` : ''} }\n`;
  return text;
}

/** Counts the database queries `work` sends. */
async function queriesSentBy(work: () => Promise<unknown>): Promise<number> {
  let sent = 0;
  const stop = app.executor.onQuery(() => (sent += 1));
  try {
    await work();
  } finally {
    stop();
  }
  return sent;
}

describe('fragment fan-out', () => {
  it.each([24, 200])('a %i-fragment doubling chain is refused as QUERY_TOO_COMPLEX (fields), without touching the database', async (fragments) => {
    let result: Awaited<ReturnType<typeof execute>> = {};
    const sent = await queriesSentBy(async () => (result = await execute(app, doublingChain(fragments), undefined, 'Q')));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'fields', maximum: 2000 });
    expect(result.errors?.[0]?.message).toMatch(/fields once its fragments are expanded; the limit is 2000/);
    expect(sent).toBe(0);
  });

  it('a chain that stays within the limit is still answered', async () => {
    const result = await execute(app, doublingChain(8), undefined, 'Q');
    expect(result.errors).toBeUndefined();
  });

  it('a token that does not verify is refused before the document is even measured', async () => {
    const result = await executeAs(app, 'ngt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', doublingChain(200));
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('writes per request', () => {
  it('refuses more mutation fields than the limit, saying how many are allowed', async () => {
    const writes = Array.from({ length: 21 }, (_, i) => `w${i}: revokeApiToken(id: "none-${i}") { id }`).join(' ');
    let result: Awaited<ReturnType<typeof execute>> = {};
    const sent = await queriesSentBy(async () => (result = await execute(app, `mutation { ${writes} }`)));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'mutationFields', value: 21, maximum: 20 });
    expect(result.errors?.[0]?.message).toMatch(/at most 20 are allowed in one request/);
    expect(sent).toBe(0);
  });
});

describe('field suggestions', () => {
  it('with introspection on, a misspelt field gets a suggestion', async () => {
    const result = await execute(app, '{ actors { items { nam } } }');
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "name"/);
    const variable = await execute(app, 'query ($k: [StanceKind!]) { stances(filter: { kinds: $k }) { total } }', { k: ['PROPOSD'] });
    expect(variable.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('with introspection off, errors do not spell out the schema', async () => {
    const closed = await createTestApp({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      const result = await execute(closed, '{ actors { items { nam } } }');
      expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const variable = await execute(closed, 'query ($k: [StanceKind!]) { stances(filter: { kinds: $k }) { total } }', { k: ['PROPOSD'] });
      expect(variable.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(variable.errors?.[0]?.message).toContain('$k');
      expect(variable.errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await closed.stop();
    }
  });
});

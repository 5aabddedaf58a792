/**
 * Every paged list refuses a page it cannot serve with BAD_USER_INPUT naming the argument and
 * the bound (issue #9, defect 9: an offset near 2^31 overflowed the Cypher slice into an
 * internal error), and serves the largest page it allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { MAX_PAGE_OFFSET, MAX_PAGE_SIZE } from '../../src/shared/page.js';
import { codeOf, executeAs, makeTokens, runMarker } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const LISTS = ['actors', 'meetings', 'positions', 'stances', 'sources', 'documents', 'disagreements', 'auditLog'] as const;
const tokens = makeTokens(runMarker());
let app: App;

beforeAll(async () => {
  app = await createTestApp({ AUTH_TOKENS: tokens.env });
});

afterAll(async () => {
  await app?.stop();
});

const pageOf = (list: string) => `query ($page: PageInput) { ${list}(page: $page) { total limit offset items { __typename } } }`;

describe.each(LISTS)('%s(page)', (list) => {
  // The audit log needs an editor; the other lists are open.
  const token = list === 'auditLog' ? tokens.tokens.editor : null;

  it.each([
    [{ offset: 2 ** 31 - 1 }, 'page.offset', `between 0 and ${MAX_PAGE_OFFSET}`],
    [{ offset: MAX_PAGE_OFFSET + 1 }, 'page.offset', `between 0 and ${MAX_PAGE_OFFSET}`],
    [{ offset: -1 }, 'page.offset', `between 0 and ${MAX_PAGE_OFFSET}`],
    // (A limit near 2^31 is refused even earlier, by the cost check, as QUERY_TOO_COMPLEX.)
    [{ limit: MAX_PAGE_SIZE + 1 }, 'page.limit', `between 1 and ${MAX_PAGE_SIZE}`],
    [{ limit: 0 }, 'page.limit', `between 1 and ${MAX_PAGE_SIZE}`],
  ])('refuses %o as BAD_USER_INPUT naming %s and its bound', async (page, argument, bound) => {
    const result = await executeAs(app, token, pageOf(list), { page });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['argument']).toBe(argument);
    expect(result.errors?.[0]?.message).toContain(bound);
  });

  it('serves the deepest page it allows (empty past the end)', async () => {
    const result = await executeAs(app, token, pageOf(list), { page: { limit: MAX_PAGE_SIZE, offset: MAX_PAGE_OFFSET } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.[list]).toMatchObject({ limit: MAX_PAGE_SIZE, offset: MAX_PAGE_OFFSET, items: [] });
  });
});

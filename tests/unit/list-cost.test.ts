/** The cost estimator prices every list from the page it is really cut at (issue 9, defect 2). */
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';

import { operationCost } from '../../src/graph/limits.js';
import { buildAppSchema } from '../../src/graph/schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});
const cost = (query: string) => operationCost(schema, parse(query), {});

describe('list pricing', () => {
  it("prices a nested list by its page's limit", () => {
    expect(cost('{ actor(id: "a") { proposed(page: { limit: 100 }) { id } } }')).toBe(1 + 1 + 100);
    expect(cost('{ actor(id: "a") { proposed(page: { limit: 5 }) { id } } }')).toBe(1 + 1 + 5);
  });

  it("prices a nested list without a page by that field's default page from the schema", () => {
    expect(cost('{ actor(id: "a") { proposed { id } } }')).toBe(1 + 1 + 25);
    expect(cost('{ meeting(id: "m") { stances { id } } }')).toBe(1 + 1 + 50);
    expect(cost('{ actor(id: "a") { proposed(page: { offset: 3 }) { id } } }')).toBe(1 + 1 + 25);
  });

  it('multiplies nested pages, and counts objects, not scalar fields', () => {
    const narrow = cost('{ actors(page: { limit: 10 }) { items { id } } }');
    const wide = cost('{ actors(page: { limit: 10 }) { items { id name kind aliases description } } }');
    expect(wide).toBe(narrow);
    expect(cost('{ actors(page: { limit: 10 }) { items { proposed(page: { limit: 10 }) { id } } } }')).toBe(1 + 10 * (1 + 1 + 10));
  });
});

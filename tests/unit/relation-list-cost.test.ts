/**
 * The relation lists (Stance.targets, Actor.targetedBy, Position.involves, Actor.involvedIn)
 * grow with the data like every nested list, so the cost limit prices them from the page they
 * are really cut at, not from a flat guess of 10 items (issue 9, defect 2).
 */
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';

import { operationCost } from '../../src/graph/limits.js';
import { buildAppSchema } from '../../src/graph/schema.js';
import { MAX_PAGE_SIZE } from '../../src/shared/page.js';
import { NESTED_PAGE_SIZE } from '../../src/shared/paging.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});
const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), variables);

describe('relation list pricing', () => {
  it("prices each relation list by its page's limit", () => {
    expect(cost('{ actor(id: "a") { targetedBy(page: { limit: 100 }) { id } } }')).toBe(1 + 1 + 100);
    expect(cost('{ actor(id: "a") { involvedIn(page: { limit: 7 }) { role } } }')).toBe(1 + 1 + 7);
    expect(cost('{ position(id: "p") { involves(page: { limit: 40 }) { role } } }')).toBe(1 + 1 + 40);
    // Each target brings its actor: two objects per item.
    expect(cost(`{ stance(id: "s") { targets(page: { limit: ${MAX_PAGE_SIZE} }) { actor { id } } } }`)).toBe(1 + 1 + MAX_PAGE_SIZE * (1 + 1));
  });

  it("prices them without a page by that field's default page from the schema, filters or not", () => {
    // An actor's lists accumulate over the talks: the nested default, like Actor.proposed.
    expect(cost('{ actor(id: "a") { targetedBy { id } } }')).toBe(1 + 1 + NESTED_PAGE_SIZE);
    expect(cost('{ actor(id: "a") { targetedBy(includeRetracted: true) { id } } }')).toBe(1 + 1 + NESTED_PAGE_SIZE);
    expect(cost('{ actor(id: "a") { involvedIn(role: MUST_ACT) { role } } }')).toBe(1 + 1 + NESTED_PAGE_SIZE);
    // The lists of one stance or position hold a few actors: a page of 10 by default.
    expect(cost('{ stance(id: "s") { targets { stanceId: __typename } } }')).toBe(1 + 1 + 10);
    expect(cost('{ position(id: "p") { involves(role: HOST) { role } } }')).toBe(1 + 1 + 10);
    expect(cost('{ position(id: "p") { involves(page: { offset: 10 }) { role } } }')).toBe(1 + 1 + 10);
  });

  it('prices Position.involves the same on every kind of position, and from a page passed as a variable', () => {
    const onProposal = '{ position(id: "p") { ... on Proposal { involves(page: { limit: 3 }) { role } } } }';
    expect(cost(onProposal)).toBe(1 + 1 + 3);
    const byVariable = 'query ($page: PageInput) { position(id: "p") { involves(page: $page) { role } } }';
    expect(cost(byVariable, { page: { limit: 150 } })).toBe(1 + 1 + 150);
  });

  it('multiplies relation pages nested in each other and under a page of parents', () => {
    // Each involvement brings its position (1) and that position's page of 5 involvements.
    const nested = '{ actor(id: "a") { involvedIn(page: { limit: 4 }) { position { involves(page: { limit: 5 }) { role } } } } }';
    expect(cost(nested)).toBe(1 + 1 + 4 * (1 + 1 + (1 + 5)));
    const wide = `{ actors(page: { limit: 200 }) { items { targetedBy(page: { limit: 200 }) { targets(page: { limit: 200 }) { role: __typename } } } } }`;
    expect(cost(wide)).toBe(1 + 200 * (1 + 1 + 200 * (1 + 1 + 200)));
  });
});

import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { operationCost, operationDepth } from '../../src/graph/limits.js';
import { buildAppSchema } from '../../src/graph/schema.js';

describe('operationDepth', () => {
  it('counts the deepest field path, through fragments', () => {
    const document = parse(`
      query Q { actors { items { ...A } } }
      fragment A on Actor { proposed { position { title } } }
    `);
    expect(operationDepth(document, 'Q')).toBe(5);
  });

  it('ignores introspection fields, so the playground can load the schema', () => {
    expect(operationDepth(parse('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'))).toBe(0);
  });

  it('does not loop on self-referencing fragments', () => {
    const document = parse('{ actors { items { ...A } } } fragment A on Actor { id ...A }');
    expect(operationDepth(document)).toBe(3);
  });
});

describe('operationCost', () => {
  it('multiplies nested list fields by their page size', async () => {
    const schema = await buildAppSchema();
    const flat = operationCost(schema, parse('{ actors(page: { limit: 10 }) { items { id } } }'), {});
    const nested = operationCost(schema, parse('{ actors(page: { limit: 10 }) { items { id proposed { evidence { quote } } } } }'), {});
    expect(nested).toBeGreaterThan(flat * 10);
  });

  it('reads page sizes from variables', async () => {
    const schema = await buildAppSchema();
    const document = parse('query ($n: Int) { actors(page: { limit: $n }) { items { proposed { id } } } }');
    expect(operationCost(schema, document, { n: 200 })).toBeGreaterThan(operationCost(schema, document, { n: 5 }));
  });
});

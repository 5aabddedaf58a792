import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { scanDocument } from '../../src/graph/document-scan.js';
import { operationCost, operationDepth } from '../../src/graph/limits.js';
import { measureOperation } from '../../src/graph/operation-size.js';
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

  it('counts fragment definitions, not fields or arguments named "fragment"', () => {
    const text = '{ a(fragment: 1) { fragment } } fragment A on T { b } fragment B on T { c }';
    expect(scanDocument(text, { maxTokens: 1_000, maxNesting: 64, maxFragments: 10 }).fragments).toBe(2);
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

  it('counts fragment definitions, not fields or arguments named "fragment"', () => {
    const text = '{ a(fragment: 1) { fragment } } fragment A on T { b } fragment B on T { c }';
    expect(scanDocument(text, { maxTokens: 1_000, maxNesting: 64, maxFragments: 10 }).fragments).toBe(2);
  });
});

/** Fragment N spreads fragment N+1 twice: 2^N fields once expanded, in a document of N lines. */
function doublingChain(fragments: number): string {
  let text = 'query Q { actors { items { ...F0 } } }\n';
  for (let i = 0; i < fragments; i++) text += `fragment F${i} on Actor { id ${i + 1 < fragments ? `...F${i + 1} ...F${i + 1}` : ''} }\n`;
  return text;
}

describe('measureOperation', () => {
  it('measures each fragment once, so a 200-fragment doubling chain is counted, not walked', () => {
    // Walking each spread anew takes 2^200 steps: this test would never finish.
    const size = measureOperation(parse(doublingChain(200)), 'Q');
    expect(size.depth).toBe(3);
    expect(size.expandedFields).toBeGreaterThan(2 ** 199);
    expect(operationDepth(parse(doublingChain(200)), 'Q')).toBe(3);
  });

  it('counts expanded fields exactly for a small chain', () => {
    // actors + items + (F0..F3: 1 + 2 + 4 + 8 ids)
    expect(measureOperation(parse(doublingChain(4)), 'Q').expandedFields).toBe(2 + 15);
  });

  it('counts the root fields of a mutation, through aliases and fragments', () => {
    const document = parse(
      'mutation M { a: revokeApiToken(id: "1") { id } b: revokeApiToken(id: "2") { id } ...W } fragment W on Mutation { c: revokeApiToken(id: "3") { id } }',
    );
    expect(measureOperation(document, 'M').rootFields).toBe(3);
  });

  it('counts fragment definitions, not fields or arguments named "fragment"', () => {
    const text = '{ a(fragment: 1) { fragment } } fragment A on T { b } fragment B on T { c }';
    expect(scanDocument(text, { maxTokens: 1_000, maxNesting: 64, maxFragments: 10 }).fragments).toBe(2);
  });
});

describe('scanDocument', () => {
  it('counts tokens and bracket nesting without parsing', () => {
    expect(scanDocument('{ a(x: [[1]]) { b } }', { maxTokens: 100, maxNesting: 100, maxFragments: 10 })).toEqual({
      tokens: 15,
      nesting: 4,
      fragments: 0,
      stoppedEarly: false,
    });
  });

  it('stops at the first bound passed, however long the document', () => {
    const deep = `{ a(x: ${'['.repeat(20_000)}1${']'.repeat(20_000)}) }`;
    expect(scanDocument(deep, { maxTokens: 1_000_000, maxNesting: 64, maxFragments: 10 })).toMatchObject({ nesting: 65, stoppedEarly: true });
    expect(scanDocument('{ a }'.repeat(10_000), { maxTokens: 100, maxNesting: 64, maxFragments: 10 })).toMatchObject({ tokens: 101, stoppedEarly: true });
  });

  it('counts fragment definitions, not fields or arguments named "fragment"', () => {
    const text = '{ a(fragment: 1) { fragment } } fragment A on T { b } fragment B on T { c }';
    expect(scanDocument(text, { maxTokens: 1_000, maxNesting: 64, maxFragments: 10 }).fragments).toBe(2);
  });
});

import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { argumentPathOf, nameBadArgument, ParsedDocuments } from '../../src/graph/argument-errors.js';

function valueAt(query: string, needle: string) {
  const document = parse(query);
  const start = query.indexOf(needle);
  let found: import('graphql').ASTNode | undefined;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string; loc?: { start: number } };
    if (n.kind && n.loc?.start === start && ['EnumValue', 'StringValue', 'IntValue'].includes(n.kind)) found ??= node as import('graphql').ASTNode;
    for (const value of Object.values(node)) if (value && typeof value === 'object' && value !== n.loc) walk(value);
  };
  walk(document);
  return { document, node: found! };
}

describe('argumentPathOf', () => {
  it('names a top-level argument', () => {
    const { document, node } = valueAt('{ meetings(from: "2025-13-01") { total } }', '"2025-13-01"');
    expect(argumentPathOf(document, node)).toBe('from');
  });

  it('names the input field path inside an argument', () => {
    const { document, node } = valueAt('{ stances(filter: { kinds: [REJECTED, NOPE] }) { total } }', 'NOPE');
    expect(argumentPathOf(document, node)).toBe('filter.kinds');
  });

  it('names the argument of a nested field', () => {
    const { document, node } = valueAt('{ actor(id: "x") { proposed(includeRetracted: 5) { id } } }', '5');
    expect(argumentPathOf(document, node)).toBe('includeRetracted');
  });
});

describe('nameBadArgument', () => {
  const schemaFree = (text: string) => {
    // Validation errors as graphql-js reports them: one per bad literal, each pointing into the document.
    const document = parse(text);
    const values: import('graphql').ASTNode[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as { kind?: string };
      if (n.kind === 'EnumValue') values.push(node as import('graphql').ASTNode);
      for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object') walk(value);
    };
    walk(document);
    const errors = values.map((node) => new GraphQLError('Value "NOPE" does not exist in "StanceKind" enum.', { nodes: [node] }));
    return { document, errors };
  };
  const formatted = (error: GraphQLError) => ({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  const text = `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: stances(filter: { kinds: [NOPE] }) { total }`).join(' ')} }`;

  it('parses a request at most once, however many errors it has', () => {
    const { errors } = schemaFree(text);
    const documents = new ParsedDocuments();
    const named = errors.map((error) => nameBadArgument(formatted(error), error, documents));
    expect(named).toHaveLength(100);
    expect(named.every((error) => error.extensions?.['argument'] === 'filter.kinds')).toBe(true);
    expect(documents.parses).toBe(1);
  });

  it('does not parse at all when the document Apollo parsed is remembered', () => {
    const { document, errors } = schemaFree(text);
    const documents = new ParsedDocuments();
    documents.remember(document);
    for (const error of errors) expect(nameBadArgument(formatted(error), error, documents).extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(documents.parses).toBe(0);
  });
});

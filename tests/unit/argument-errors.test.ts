import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { argumentPathOf } from '../../src/graph/argument-errors.js';

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

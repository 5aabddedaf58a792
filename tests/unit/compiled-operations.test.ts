/**
 * The executor of every operation (src/graph/compiled-operations.ts): graphql-js until a
 * document recurs, then a compiled function that answers the same; bounded in what it compiles
 * and in what it keeps. The service's own answers, compiled and not, are compared over HTTP in
 * tests/integration/prepared-queries.int.test.ts.
 */
import { execute, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { CompiledOperations, MAX_COMPILED_FIELDS } from '../../src/graph/compiled-operations.js';
import { createLogger } from '../../src/logging/logger.js';

const item = new GraphQLObjectType({ name: 'Item', fields: { n: { type: GraphQLInt }, label: { type: GraphQLString } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(item),
        args: { count: { type: new GraphQLNonNull(GraphQLInt) }, prefix: { type: GraphQLString } },
        resolve: (_root, { count, prefix }: { count: number; prefix?: string | null }) =>
          Array.from({ length: count }, (_, n) => ({ n, label: `${prefix ?? 'item'} ${n}` })),
      },
      greeting: { type: GraphQLString, resolve: (_root, _args, context: { name: string }) => `hello ${context.name}` },
    },
  }),
});
const silent = createLogger('silent');

async function runTimes(operations: CompiledOperations, query: string, times: number, variableValues?: Record<string, unknown>) {
  const document = parse(query);
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await operations.run({ document, contextValue: { name: 'Ana' }, variableValues }));
  return { results, document };
}

describe('compiled operations', () => {
  it('run a document on graphql-js until its compileAfter-th request, then compiled, with the same answers', async () => {
    const operations = new CompiledOperations(schema, 2, silent);
    const query = 'query ($count: Int!, $prefix: String) { items(count: $count, prefix: $prefix) { n label } greeting }';
    const { results, document } = await runTimes(operations, query, 3, { count: 3, prefix: 'x' });
    expect(operations.compiledCount).toBe(1);
    const expected = await execute({ schema, document, contextValue: { name: 'Ana' }, variableValues: { count: 3, prefix: 'x' } });
    for (const result of results) expect(JSON.stringify(result)).toBe(JSON.stringify(expected));
  });

  it('give a non-null variable left out its default, as graphql-js does (graphql-jit 0.8 would refuse it)', async () => {
    const operations = new CompiledOperations(schema, 1, silent);
    const { results } = await runTimes(operations, 'query ($count: Int! = 2) { items(count: $count) { n } }', 2);
    expect(operations.compiledCount).toBe(1);
    for (const result of results) expect(result).toEqual({ data: { items: [{ n: 0 }, { n: 1 }] } });
    // Given null, it is still refused.
    const { results: refused } = await runTimes(operations, 'query ($count: Int! = 2) { items(count: $count) { n } }', 1, { count: null });
    expect(refused[0]?.errors?.[0]?.message).toMatch(/must not be null/);
  });

  it('compile neither documents of more than MAX_COMPILED_FIELDS fields nor introspection', async () => {
    const operations = new CompiledOperations(schema, 1, silent);
    const large = `{ ${Array.from({ length: MAX_COMPILED_FIELDS / 2 + 1 }, (_, i) => `a${i}: items(count: 1) { n }`).join(' ')} }`;
    await runTimes(operations, large, 2);
    await runTimes(operations, '{ __schema { queryType { name } } }', 2);
    expect(operations.compiledCount).toBe(0);
    await runTimes(operations, `{ ${Array.from({ length: MAX_COMPILED_FIELDS / 2 }, (_, i) => `a${i}: items(count: 1) { n }`).join(' ')} }`, 1);
    expect(operations.compiledCount).toBe(1);
  });

  it('keep compiled operations of at most maxKeptFields fields in all, dropping the one run longest ago', async () => {
    const operations = new CompiledOperations(schema, 1, silent, 5);
    const a = parse('{ items(count: 1) { n label } }'); // 3 fields
    const b = parse('{ greeting items(count: 1) { n } }'); // 3 fields
    const run = (document: typeof a) => operations.run({ document, contextValue: { name: 'Ana' } });
    await run(a);
    expect(operations.compiledFieldsKept).toBe(3);
    await run(b);
    // a went to make room for b.
    expect(operations.compiledFieldsKept).toBe(3);
    expect(operations.compiledCount).toBe(2);
    await run(b);
    expect(operations.compiledCount).toBe(2);
    // a recurs: compiled again, and b, now run longest ago, goes.
    expect(await run(a)).toEqual({ data: { items: [{ n: 0, label: 'item 0' }] } });
    expect(operations.compiledCount).toBe(3);
    expect(operations.compiledFieldsKept).toBe(3);
  });
});

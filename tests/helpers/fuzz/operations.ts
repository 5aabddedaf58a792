/**
 * GraphQL operations for the fuzz test: random selections walked from the real schema with
 * random argument values, and mutated versions of the example operations. Mutations that an
 * editor may run only ever name ids that carry the run marker, so the seed is never written.
 */
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
} from 'graphql';

import { NASTY_STRINGS, randomInt, randomString, type Rng, SEED_IDS } from './random.js';

export interface OperationContext {
  schema: GraphQLSchema;
  /** Every id a write may target contains it; clean-up deletes by it. */
  marker: string;
  /** The example operations (examples/operations.graphql), one document each. */
  examples: readonly string[];
}

/** A GraphQL literal for an input type: mostly valid, sometimes not (wrong kind, null, overflow). */
export function literalFor(rng: Rng, type: GraphQLInputType, ctx: OperationContext, name: string, depth = 0): string {
  if (rng.chance(0.04)) return rng.pick(['null', '"x"', '1', '[]', '{}', 'true', '$undeclared', '2147483648']);
  if (isNonNullType(type)) return literalFor(rng, type.ofType, ctx, name, depth);
  if (isListType(type)) {
    // Long lists only at the top: a long list of long lists of input objects is just slow to build.
    const count = rng.weighted<number>([
      [6, rng.int(0, 3)],
      [2, rng.int(4, 30)],
      [depth === 0 ? 1 : 0, rng.int(100, 300)],
    ]);
    return `[${Array.from({ length: count }, () => literalFor(rng, type.ofType, ctx, name, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return rng.chance(0.9) ? rng.pick(values) : rng.pick(['UNKNOWN', 'proposed', '"PROPOSED"', 'null']);
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.5));
    return `{ ${fields.map((f) => `${f.name}: ${literalFor(rng, f.type, ctx, f.name, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) return JSON.stringify(scalarValue(rng, type.name, ctx, name));
  return 'null';
}

/** A JSON value for a scalar; ids and dates are realistic half the time. */
function scalarValue(rng: Rng, scalar: string, ctx: OperationContext, name: string): unknown {
  switch (scalar) {
    case 'Int':
      return randomInt(rng);
    case 'Float':
      return rng.pick([0, -1, 1.5, 1e308, -1e-308]);
    case 'Boolean':
      return rng.chance(0.5);
    case 'ID':
      return rng.chance(0.6) ? rng.pick(SEED_IDS) : rng.chance(0.5) ? `actor:${ctx.marker}-${rng.int(0, 9)}` : randomString(rng);
    case 'LocalDate':
      return rng.pick(['2025-06-02', '2025-05-16', '0000-01-01', '9999-12-31', '2025-02-30', '2025-13-01', 'yesterday', '']);
    case 'JSON':
    case 'JSONObject':
      return rng.pick([{}, [], { actors: [] }, 'x', 1, null, { a: { b: { c: [1, 2, 3] } } }]);
    default:
      if (/date|at$/i.test(name)) return rng.pick(['2025-06-02T14:43:00+03:00', 'not a time', '2025-06-02']);
      return randomString(rng);
  }
}

/** A random selection set for an output type, `depth` levels down at most. */
export function selectionFor(rng: Rng, type: GraphQLNamedType, ctx: OperationContext, depth: number): string {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = ctx.schema.getPossibleTypes(type);
    const parts = ['__typename'];
    if (isInterfaceType(type)) parts.push(fieldsOf(rng, Object.values(type.getFields()), ctx, depth));
    for (const t of rng.some(possible, 2)) parts.push(`... on ${t.name} { ${selectionFor(rng, t, ctx, depth)} }`);
    return parts.filter(Boolean).join(' ');
  }
  if (isObjectType(type)) return fieldsOf(rng, Object.values(type.getFields()), ctx, depth) || '__typename';
  return '';
}

function fieldsOf(rng: Rng, fields: ReadonlyArray<GraphQLField<unknown, unknown>>, ctx: OperationContext, depth: number): string {
  const leaves = fields.filter((f) => !isObjectLike(getNamedType(f.type)));
  const branches = depth > 0 ? fields.filter((f) => isObjectLike(getNamedType(f.type))) : [];
  const chosen = [...rng.some(leaves.length > 0 ? leaves : fields, 4), ...(branches.length > 0 && rng.chance(0.7) ? rng.some(branches, 2) : [])];
  return [...new Set(chosen)].map((f) => fieldText(rng, f, ctx, depth)).join(' ');
}

const isObjectLike = (t: GraphQLNamedType) => isObjectType(t) || isInterfaceType(t) || isUnionType(t);

function fieldText(rng: Rng, field: GraphQLField<unknown, unknown>, ctx: OperationContext, depth: number): string {
  const args = argumentsText(rng, field.args, ctx);
  const named = getNamedType(field.type);
  const sub = isObjectLike(named) ? ` { ${selectionFor(rng, named, ctx, depth - 1) || '__typename'} }` : '';
  return `${field.name}${args}${sub}`;
}

function argumentsText(rng: Rng, args: readonly GraphQLArgument[], ctx: OperationContext): string {
  const given = args.filter((a) => isNonNullType(a.type) || rng.chance(0.4));
  if (given.length === 0) return '';
  return `(${given.map((a) => `${a.name}: ${literalFor(rng, a.type, ctx, a.name)}`).join(', ')})`;
}

/** A query (or, sent without a sufficient token, a mutation) walked from the schema. */
export function schemaOperation(rng: Rng, ctx: OperationContext, kind: 'query' | 'mutation'): string {
  const root = kind === 'query' ? ctx.schema.getQueryType() : ctx.schema.getMutationType();
  if (!root) return '{ __typename }';
  const fields = rng.some(Object.values(root.getFields()), 3);
  const depth = rng.int(1, 4);
  const body = fields.map((f, i) => `${rng.chance(0.3) ? `a${i}: ` : ''}${fieldText(rng, f, ctx, depth)}`).join(' ');
  return `${kind} Fuzz { ${body} }`;
}

/**
 * A mutation an editor may send: the target of every update and every created id carries
 * the marker, so whatever passes validation only touches this run's own items.
 */
export function editorMutation(rng: Rng, ctx: OperationContext): string {
  const root = ctx.schema.getMutationType();
  if (!root) return 'mutation { __typename }';
  const field = rng.pick(Object.values(root.getFields()));
  const marked = (prefix: string) => JSON.stringify(`${prefix}:${ctx.marker}-${rng.int(0, 99)}`);
  const args = field.args.map((arg) => {
    if (arg.name === 'id' || arg.name === 'stanceId') return `${arg.name}: ${marked(field.name.includes('Stance') ? 'stance' : 'actor')}`;
    if (arg.name === 'dryRun') return 'dryRun: true';
    if (arg.name === 'input' && isInputObjectType(getNamedType(arg.type))) {
      const input = getNamedType(arg.type);
      if (!isInputObjectType(input)) return '';
      // Every item the input names at its top level (its own id, and the ends of an edge it
      // records: stanceId, actorId, positionId, meetingId) is one of this run's.
      const fields = Object.values(input.getFields()).map((f) =>
        f.name === 'id'
          ? `id: ${marked(field.name.replace(/^(create|record)/, '').toLowerCase() || 'actor')}`
          : /^[a-z]+Id$/.test(f.name)
            ? `${f.name}: ${marked(f.name.slice(0, -2))}`
            : `${f.name}: ${literalFor(rng, f.type, ctx, f.name, 1)}`,
      );
      return `input: { ${fields.join(', ')} }`;
    }
    return `${arg.name}: ${literalFor(rng, arg.type, ctx, arg.name)}`;
  });
  const named = getNamedType(field.type);
  const selection = isObjectLike(named) ? ` { ${selectionFor(rng, named, ctx, 1) || '__typename'} }` : '';
  return `mutation Fuzz { ${field.name}${args.length > 0 ? `(${args.filter(Boolean).join(', ')})` : ''}${selection} }`;
}

/** An example operation with its text damaged: values swapped, braces lost, junk inserted. */
export function mutatedExample(rng: Rng, ctx: OperationContext): string {
  let text = rng.pick(ctx.examples);
  const edits = rng.int(1, 4);
  for (let i = 0; i < edits; i++) {
    const at = rng.int(0, text.length);
    text = rng.weighted<() => string>([
      [3, () => text.replace(/"[^"\n]*"/, () => JSON.stringify(randomString(rng)))],
      [3, () => text.replace(/\b\d+\b/, () => String(randomInt(rng)))],
      [2, () => text.replace(/limit: \d+/, `limit: ${randomInt(rng)}`)],
      [2, () => text.slice(0, at) + rng.pick(['{', '}', '(', ')', '...', '@skip', '$', '#', '"', ':', ',', 'query']) + text.slice(at)],
      [2, () => text.slice(0, at) + text.slice(at + rng.int(1, 40))],
      [
        2,
        () =>
          text.replace(
            /\{\n(\s+)(\w+)\n/,
            (m, indent: string, field: string) => `${m}${indent}${field}\n${indent}__typename\n${indent}unknownField${rng.int(0, 9)}\n`,
          ),
      ],
      [1, () => text.replace(/query (\w+)/, 'query $1 @deprecated')],
      [1, () => text.replace(/\$(\w+): (\w+)/, (_m, v: string) => `$${v}: ${rng.pick(['Int', 'String!', '[ID!]!', 'Unknown', 'StanceFilter'])}`)],
      [1, () => `${text}\n${text}`],
      [1, () => text.replace(/(\w+) \{/, `$1(${rng.pick(['page: { offset: 2147483647 }', 'limit: -1', 'id: null', 'x: 1'])}) {`)],
      [1, () => text.split('').reverse().join('')],
    ])();
  }
  return text;
}

export { NASTY_STRINGS };

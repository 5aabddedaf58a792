/**
 * graphql-js reports a bad literal argument ("kinds: [NOPE]", "from: \"2025-13-01\"") as a
 * validation error that names the type but not the argument. Clients should learn which
 * argument was wrong: this finds the argument (and input field path) that holds the bad
 * value, from the error's own AST node, and rewrites the error as BAD_USER_INPUT.
 */
import { type ASTNode, GraphQLError, type GraphQLFormattedError, Kind, parse, visit } from 'graphql';

import { ErrorCode } from '../errors/errors.js';

const VALUE_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/** The dotted path of the argument holding `valueNode`, e.g. "filter.kinds", or undefined. */
export function argumentPathOf(document: ASTNode, valueNode: ASTNode): string | undefined {
  const start = valueNode.loc?.start;
  if (start === undefined) return undefined;
  const path: string[] = [];
  let found: string | undefined;
  visit(document, {
    enter(node) {
      if (found) return false;
      if (!node.loc || start < node.loc.start || start >= node.loc.end) return node.kind === Kind.DOCUMENT ? undefined : false;
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
      if (node === valueNode || (node.loc.start === start && VALUE_KINDS.has(node.kind) && node.kind === valueNode.kind)) {
        found = path.join('.');
        return false;
      }
      return undefined;
    },
    leave(node) {
      if (!found && (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD)) path.pop();
    },
  });
  return found || undefined;
}

/** Rewrites a "bad literal value" validation error so it names its argument; else undefined. */
export function asArgumentError(error: GraphQLError, document: ASTNode | undefined): GraphQLError | undefined {
  const valueNode = error.nodes?.[0];
  if (!document || !valueNode || !VALUE_KINDS.has(valueNode.kind)) return undefined;
  const argument = argumentPathOf(document, valueNode);
  if (!argument) return undefined;
  return new GraphQLError(`Argument "${argument}" has an invalid value: ${error.message}`, {
    nodes: error.nodes,
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
  });
}

/** Apollo `formatError` step: names the argument of a bad-literal validation error. */
export function nameBadArgument(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.['code'] !== 'GRAPHQL_VALIDATION_FAILED' || !(error instanceof GraphQLError) || !error.source) return formatted;
  let document: ASTNode;
  try {
    document = parse(error.source.body);
  } catch {
    return formatted;
  }
  const rewritten = asArgumentError(error, document);
  return rewritten ? { ...formatted, message: rewritten.message, extensions: { ...formatted.extensions, ...rewritten.extensions } } : formatted;
}

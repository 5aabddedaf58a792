/**
 * graphql-js reports a bad literal argument ("kinds: [NOPE]", "from: \"2025-13-01\"") as a
 * validation error that names the type but not the argument. Clients should learn which
 * argument was wrong: this finds the argument (and input field path) that holds the bad
 * value, from the error's own AST node, and rewrites the error as BAD_USER_INPUT.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, type DocumentNode, GraphQLError, type GraphQLFormattedError, Kind, parse, type Source, visit } from 'graphql';

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

/**
 * The parsed document of each request, found by its Source (every node and error of one parse
 * shares it). A request can fail validation with up to 100 errors, and each is formatted on
 * its own: parsing the request again per error made a 380 KB request with thousands of
 * duplicate directives block the server for seconds. Apollo's own parse is remembered (see
 * `rememberParsedDocuments`); a document parsed elsewhere is parsed here at most once.
 */
export class ParsedDocuments {
  private readonly bySource = new WeakMap<Source, DocumentNode | null>();
  /** Parses done here (not Apollo's): at most one per request. */
  parses = 0;

  remember(document: DocumentNode | undefined): void {
    if (document?.loc) this.bySource.set(document.loc.source, document);
  }

  documentOf(source: Source): DocumentNode | undefined {
    const known = this.bySource.get(source);
    if (known !== undefined) return known ?? undefined;
    this.parses += 1;
    let document: DocumentNode | null = null;
    try {
      document = parse(source);
    } catch {
      // Unparseable text has no argument to name; remember that too.
    }
    this.bySource.set(source, document);
    return document ?? undefined;
  }
}

/** Remembers the document Apollo parsed, before validation can report errors about it. */
export function rememberParsedDocuments(documents: ParsedDocuments): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          documents.remember(document);
        },
      };
    },
  };
}

/** Apollo `formatError` step: names the argument of a bad-literal validation error. */
export function nameBadArgument(formatted: GraphQLFormattedError, error: unknown, documents: ParsedDocuments): GraphQLFormattedError {
  if (formatted.extensions?.['code'] !== 'GRAPHQL_VALIDATION_FAILED' || !(error instanceof GraphQLError) || !error.source) return formatted;
  const document = documents.documentOf(error.source);
  if (!document) return formatted;
  const rewritten = asArgumentError(error, document);
  return rewritten ? { ...formatted, message: rewritten.message, extensions: { ...formatted.extensions, ...rewritten.extensions } } : formatted;
}

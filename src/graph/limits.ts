/**
 * Refuses abusive operations before they reach the database: size, depth, writes and cost.
 * Cost grows with nesting under lists (a paged or list field multiplies its children by its
 * page size or limit, or by 10 when it has none), so "every actor's every stance's every source" is priced as
 * the fan-out it is. Introspection (the playground's schema query) is not counted.
 */
import { createRequire } from 'node:module';

import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, getNamedType, getNullableType, getVariableValues, GraphQLError, type GraphQLSchema, isLeafType, isListType } from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

import type { RequestLimits } from '../config/config.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { DEFAULT_PAGE_SIZE } from '../shared/page.js';
import type { RequestContext } from '../request/context.js';
import { scanDocument } from './document-scan.js';
import { nestsDeeperThan } from './json-depth.js';
import { MeasureCache } from './measure-cache.js';
import { measureOperation, type OperationToCheck } from './operation-size.js';
import { refuseUnauthenticated } from '../auth/access.js';

// graphql-query-complexity's ESM build imports graphql's .mjs files, while everything else
// here (Node's ESM resolution of "graphql", type-graphql, Apollo) uses graphql's CommonJS
// build; two copies of graphql refuse each other's schemas. Load its CommonJS build.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

/** The limits this plugin applies (see RequestLimits in the config). */
export type QueryLimits = Pick<
  RequestLimits,
  'maxDocumentBytes' | 'maxTokens' | 'maxJsonDepth' | 'maxFragments' | 'maxFields' | 'maxDepth' | 'maxComplexity' | 'maxMutationFields'
>;

const ASSUMED_LIST_SIZE = 10;
const MAX_VARIABLE_ERRORS = 10;

/** Depth of the deepest field path of an operation, following fragments, skipping `__` fields. */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  return measureOperation(document, operationName).depth;
}

/**
 * Prices an operation by the most objects its answer can hold: each object costs 1 (its
 * scalar fields come with it, free), and a list multiplies its items by the page it is really
 * cut at: the `page` argument's limit, else that field's default page from the schema (root
 * lists 50, nested lists 25), or a `limit` argument. Lists without either (evidence and
 * sources of one item) are bounded by that item's stored provenance; they count as 10.
 */
export const listAwareEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const leaf = isLeafType(getNamedType(field.type));
  const own = leaf ? 0 : 1;
  // A page object (actors, stances, ...) fans out by its page size through its `items`, which
  // counts each item once and does not multiply again.
  if (type.name.endsWith('Page') && field.name === 'items') return own + childComplexity;
  const pageArg = field.args.find((arg) => arg.name === 'page');
  const isList = isListType(getNullableType(field.type));
  if (!pageArg && !isList) return own + childComplexity;
  let size = Number(args['limit'] ?? ASSUMED_LIST_SIZE) || ASSUMED_LIST_SIZE;
  if (pageArg) {
    const page = args['page'] as { limit?: number | null } | null | undefined;
    const fieldDefault = (pageArg.defaultValue as { limit?: number } | null | undefined)?.limit;
    size = Number(page?.limit ?? fieldDefault ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
  }
  // A list of objects holds `size` objects and their children; a list of scalars is one value.
  if (isList && leaf) return own;
  return own + size * ((isList ? 1 : 0) + childComplexity);
};

/** Complexity of an operation under the estimator above. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [listAwareEstimator] });
}

function refuse(code: ErrorCode, limit: string, message: string, value: number, maximum: number): AppError {
  // Apollo uses extensions.http to set the status of errors raised in request hooks.
  return new AppError(code, message, { limit, value, maximum, http: { status: 400 } });
}

/**
 * The checks of a GraphQL document that need no parse: its bytes, tokens and bracket nesting.
 * The HTTP layer runs them before Apollo sees the request (src/graph/http-guards.ts), so the
 * parser (recursive) and the validator never meet a document they would choke on.
 */
export function checkDocument(
  source: string,
  limits: Pick<QueryLimits, 'maxDocumentBytes' | 'maxTokens' | 'maxJsonDepth' | 'maxFragments'>,
): AppError | undefined {
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.maxDocumentBytes) {
    return refuse(
      ErrorCode.QUERY_TOO_COMPLEX,
      'documentBytes',
      `The GraphQL document has ${bytes} bytes; the limit is ${limits.maxDocumentBytes}. Pass large values as variables.`,
      bytes,
      limits.maxDocumentBytes,
    );
  }
  const scan = scanDocument(source, { maxTokens: limits.maxTokens, maxNesting: limits.maxJsonDepth, maxFragments: limits.maxFragments });
  if (scan.tokens > limits.maxTokens) {
    return refuse(
      ErrorCode.QUERY_TOO_COMPLEX,
      'tokens',
      `The GraphQL document has more than ${limits.maxTokens} tokens, the limit.`,
      scan.tokens,
      limits.maxTokens,
    );
  }
  if (scan.fragments > limits.maxFragments) {
    return refuse(
      ErrorCode.QUERY_TOO_COMPLEX,
      'fragments',
      `The GraphQL document defines more than ${limits.maxFragments} fragments, the limit.`,
      scan.fragments,
      limits.maxFragments,
    );
  }
  if (scan.nesting > limits.maxJsonDepth) {
    return refuse(
      ErrorCode.BAD_USER_INPUT,
      'nesting',
      `The GraphQL document nests brackets more than ${limits.maxJsonDepth} deep, the limit.`,
      scan.nesting,
      limits.maxJsonDepth,
    );
  }
  return undefined;
}

/** A message without graphql-js's "Did you mean ...?" (which, without introspection, would list the schema's names). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/, '');
}

/**
 * The checks of a parsed operation, cheapest first: over-deep variables, then the operation's
 * expanded size, depth and writes (linear: fragments are measured once), and only then its
 * cost, whose walk expands every fragment spread and is safe once the expanded size is known
 * to be small. Throws the first refusal. Shared by queries and mutations over HTTP (the plugin
 * below) and subscriptions over WebSocket (src/graph/subscription-server.ts).
 */
export function operationLimitsCheck(limits: QueryLimits, options: { hideSuggestions?: boolean } = {}): (request: OperationToCheck) => void {
  // Without introspection, "Did you mean the enum value ...?" would list the schema's values.
  const shown = (message: string) => (options.hideSuggestions ? withoutSuggestions(message) : message);
  // Measured once per parsed document (and variables): see measure-cache.ts.
  const sizes = new MeasureCache<ReturnType<typeof measureOperation>>();
  const costs = new MeasureCache<number>();
  return ({ document, schema, operationName, operation, variables }) => {
    if (nestsDeeperThan(variables, limits.maxJsonDepth)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `The variables nest JSON more than ${limits.maxJsonDepth} levels deep, the limit.`, {
        limit: 'jsonDepth',
        maximum: limits.maxJsonDepth,
        http: { status: 400 },
      });
    }
    const size = sizes.get(document, operationName, undefined, () => measureOperation(document, operationName));
    if (size.expandedFields > limits.maxFields) {
      const fields = Number.isFinite(size.expandedFields) ? size.expandedFields : Number.MAX_VALUE;
      throw refuse(
        ErrorCode.QUERY_TOO_COMPLEX,
        'fields',
        `The operation selects ${fields.toPrecision(3)} fields once its fragments are expanded; the limit is ${limits.maxFields}.`,
        fields,
        limits.maxFields,
      );
    }
    if (size.depth > limits.maxDepth) {
      throw refuse(
        ErrorCode.QUERY_TOO_COMPLEX,
        'depth',
        `Query depth ${size.depth} exceeds the depth limit of ${limits.maxDepth} by ${size.depth - limits.maxDepth}.`,
        size.depth,
        limits.maxDepth,
      );
    }
    if (operation?.operation === 'mutation' && size.rootFields > limits.maxMutationFields) {
      throw refuse(
        ErrorCode.QUERY_TOO_COMPLEX,
        'mutationFields',
        `The request makes ${size.rootFields} writes (mutation fields); at most ${limits.maxMutationFields} are allowed in one request. Split it, or use importDataset for bulk changes.`,
        size.rootFields,
        limits.maxMutationFields,
      );
    }
    if (operation?.variableDefinitions?.length) {
      // graphql-query-complexity coerces the variables with no cap on errors: 100,000 bad
      // list entries made 100,000 errors, each with suggestions, and blocked the server for
      // half a minute. Coerce once here with graphql's own cap, and refuse at the first errors.
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables ?? {}, { maxErrors: MAX_VARIABLE_ERRORS });
      if (coerced.errors)
        throw new AppError(ErrorCode.BAD_USER_INPUT, shown(coerced.errors[0]?.message ?? 'The variables are not valid.'), { http: { status: 400 } });
    }
    let cost: number;
    try {
      cost = costs.get(document, operationName, variables, () => operationCost(schema, document, variables ?? {}, operationName));
    } catch (error) {
      // Pricing coerces the variables first, so a bad variable surfaces here; report it as
      // the bad input it is (graphql-js names the variable in the message).
      if (error instanceof GraphQLError) throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { http: { status: 400 } });
      throw error;
    }
    if (cost > limits.maxComplexity) {
      throw refuse(
        ErrorCode.QUERY_TOO_COMPLEX,
        'cost',
        `Query cost ${cost} exceeds the cost limit of ${limits.maxComplexity} by ${cost - limits.maxComplexity}.`,
        cost,
        limits.maxComplexity,
      );
    }
  };
}

/**
 * Refuses an operation at the first limit it passes: a token that does not verify first (the
 * check is cheap), then the checks of operationLimitsCheck.
 */
export function queryLimitsPlugin(limits: QueryLimits, options: { hideSuggestions?: boolean } = {}): ApolloServerPlugin<RequestContext> {
  const check = operationLimitsCheck(limits, options);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName, operation, contextValue }) {
          // A bad token is refused before the operation is measured (the check is cheap; this is not).
          await refuseUnauthenticated(contextValue);
          check({ document, schema, operationName, operation, variables: request.variables });
        },
      };
    },
  };
}

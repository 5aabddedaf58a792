/**
 * Refuses abusive operations before they reach the database: a depth limit and a cost limit.
 * Cost grows with nesting under lists (a paged or list field multiplies its children by its
 * page size or limit, or by 10 when it has none), so "every actor's every stance's every source" is priced as
 * the fan-out it is. Introspection (the playground's schema query) is not counted.
 */
import { createRequire } from 'node:module';

import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isLeafType,
  isListType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

import { AppError, ErrorCode } from '../errors/errors.js';
import { DEFAULT_PAGE_SIZE } from '../shared/page.js';

// graphql-query-complexity's ESM build imports graphql's .mjs files, while everything else
// here (Node's ESM resolution of "graphql", type-graphql, Apollo) uses graphql's CommonJS
// build; two copies of graphql refuse each other's schemas. Load its CommonJS build.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

const ASSUMED_LIST_SIZE = 10;

/** Depth of the deepest field path of an operation, following fragments, skipping `__` fields. */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;

  const depthOf = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // cycles are a validation error anyway
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...visiting, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
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

function tooComplex(message: string, details: Record<string, unknown>): AppError {
  // Apollo uses extensions.http to set the status of errors raised in request hooks.
  return new AppError(ErrorCode.QUERY_TOO_COMPLEX, message, { ...details, http: { status: 400 } });
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName }) {
          const depth = operationDepth(document, operationName);
          if (depth > limits.maxDepth) {
            throw tooComplex(`Query depth ${depth} exceeds the depth limit of ${limits.maxDepth} by ${depth - limits.maxDepth}.`, {
              limit: 'depth',
              value: depth,
              maximum: limits.maxDepth,
            });
          }
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables ?? {}, operationName);
          } catch (error) {
            // Pricing coerces the variables first, so a bad variable surfaces here; report it as
            // the bad input it is (graphql-js names the variable in the message).
            if (error instanceof GraphQLError) throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { http: { status: 400 } });
            throw error;
          }
          if (cost > limits.maxComplexity) {
            throw tooComplex(`Query cost ${cost} exceeds the cost limit of ${limits.maxComplexity} by ${cost - limits.maxComplexity}.`, {
              limit: 'cost',
              value: cost,
              maximum: limits.maxComplexity,
            });
          }
        },
      };
    },
  };
}

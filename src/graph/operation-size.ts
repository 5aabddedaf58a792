/**
 * Sizes of an operation measured on its syntax tree, each fragment measured once: a fragment
 * spread twice in each of a chain of fragments expands to 2^N fields, so walking spreads
 * anew (as a naive depth walk or graphql-query-complexity does) takes 2^N steps. Here every
 * fragment's size is memoised, so the measure is linear in the document, and the expanded
 * count it gives lets the caller refuse the operation before any walk that expands spreads.
 */
import { type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** A parsed and validated operation, as the limit checks see it (from Apollo or from a subscribe message). */
export interface OperationToCheck {
  document: DocumentNode;
  schema: GraphQLSchema;
  operationName?: string | null;
  operation?: OperationDefinitionNode | null;
  variables?: Record<string, unknown>;
}

export interface OperationSize {
  /** Depth of the deepest field path, following fragments, not counting `__` fields. */
  depth: number;
  /**
   * Field selections once every fragment spread is expanded in place: what a walk of the
   * operation visits. Can be astronomically large (a float, Infinity past 1e308).
   */
  expandedFields: number;
  /** Fields selected on the root type (aliases and fragments counted); for mutations, the writes. */
  rootFields: number;
}

interface SetSize {
  depth: number;
  expandedFields: number;
  rootFields: number;
}

const EMPTY: SetSize = { depth: 0, expandedFields: 0, rootFields: 0 };

/** The operation a request runs: the named one, or the only one. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export function measureOperation(document: DocumentNode, operationName?: string | null): OperationSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = selectOperation(document, operationName);
  if (!operation) return { ...EMPTY };

  const measured = new Map<string, SetSize>();
  const inProgress = new Set<string>();

  const sizeOfFragment = (name: string): SetSize => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown fragments and cycles are validation errors; they add nothing here.
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const size = sizeOfSet(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, size);
    return size;
  };

  const sizeOfSet = (set: SelectionSetNode | undefined): SetSize => {
    if (!set) return EMPTY;
    let depth = 0;
    let expandedFields = 0;
    let rootFields = 0;
    for (const selection of set.selections) {
      let inner: SetSize;
      if (selection.kind === Kind.FIELD) {
        const children = sizeOfSet(selection.selectionSet);
        const counted = selection.name.value.startsWith('__') ? 0 : 1 + children.depth;
        inner = { depth: counted, expandedFields: 1 + children.expandedFields, rootFields: 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = sizeOfSet(selection.selectionSet);
      } else {
        inner = sizeOfFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      expandedFields += inner.expandedFields;
      rootFields += inner.rootFields;
    }
    return { depth, expandedFields, rootFields };
  };

  return { ...sizeOfSet(operation.selectionSet) };
}

/**
 * Look-ahead on a resolver's selection set: which fields a client asked for below the field
 * being resolved, so a repository can fetch related items in the same query (and leave out
 * what nobody asked for). Fragments and inline fragments are followed; `@skip`/`@include` are
 * not evaluated, so a conditional field counts as asked (fetching it is harmless, missing it
 * would only cost a loader query). Pure functions over the parsed operation.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

/** The field nodes named `name` directly in a selection set (through fragments). */
function childFields(set: SelectionSetNode | undefined, fragments: Fragments, name: string | null, out: FieldNode[] = []): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') {
      if (name === null || selection.name.value === name) out.push(selection);
    } else if (selection.kind === 'InlineFragment') {
      childFields(selection.selectionSet, fragments, name, out);
    } else {
      childFields(fragments[selection.name.value]?.selectionSet, fragments, name, out);
    }
  }
  return out;
}

/** A view of the fields selected at some depth below the resolved field. */
export class Selection {
  constructor(
    private readonly fields: readonly FieldNode[],
    private readonly fragments: Fragments,
  ) {}

  static of(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
    return new Selection(info.fieldNodes, info.fragments);
  }

  /** The selection under `path` (field names, e.g. `at('items')`); empty when not asked. */
  at(...path: string[]): Selection {
    let fields = this.fields;
    for (const name of path) fields = fields.flatMap((field) => childFields(field.selectionSet, this.fragments, name));
    return new Selection(fields, this.fragments);
  }

  /** This selection and another, as one (e.g. the same item asked under two fields). */
  or(other: Selection): Selection {
    return new Selection([...this.fields, ...other.fields], this.fragments);
  }

  /** Whether nothing is selected here (the path was not asked). */
  isEmpty(): boolean {
    return this.fields.length === 0;
  }

  /**
   * The fields selected directly here, grouped by response key (alias or name) as GraphQL
   * merges them: the field nodes a resolver of that field would get as `info.fieldNodes`.
   */
  fieldsByResponseKey(): Map<string, FieldNode[]> {
    const groups = new Map<string, FieldNode[]>();
    for (const field of this.fields.flatMap((node) => childFields(node.selectionSet, this.fragments, null))) {
      const key = field.alias?.value ?? field.name.value;
      groups.set(key, [...(groups.get(key) ?? []), field]);
    }
    return groups;
  }

  /** The names of the fields selected directly here (each once). */
  fieldNames(): string[] {
    return [...new Set(this.fields.flatMap((field) => childFields(field.selectionSet, this.fragments, null).map((child) => child.name.value)))];
  }

  /** Whether any of `names` is selected directly here. */
  has(...names: string[]): boolean {
    return this.fields.some((field) => childFields(field.selectionSet, this.fragments, null).some((child) => names.includes(child.name.value)));
  }
}

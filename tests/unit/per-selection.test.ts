/** Look-ahead read once per selection: the same field nodes reuse it, any other selection reads its own. */
import { type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { perSelection } from '../../src/shared/per-selection.js';

/** What a resolver of the operation's root fields would get as its info, per response key, for one parse of the document. */
function infosOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  const fields = (operation?.selectionSet.selections ?? []) as FieldNode[];
  return { fields, fragments, of: (...nodes: FieldNode[]) => ({ fieldNodes: nodes, fragments }) };
}

describe('perSelection', () => {
  it('reads a selection once however often its field nodes come back, and reads another document itself', () => {
    const reads: string[][] = [];
    const namesOf = perSelection((selection) => {
      reads.push(selection.fieldNames());
      return selection.fieldNames();
    });
    const first = infosOf(`{ actor(id: "a") { name proposed { date } } }`);
    const node = first.fields[0]!;
    // The resolver's info of every request that runs this parsed document.
    expect(namesOf(first.of(node))).toEqual(['name', 'proposed']);
    expect(namesOf(first.of(node))).toEqual(['name', 'proposed']);
    expect(namesOf({ fieldNodes: [node], fragments: first.fragments })).toEqual(['name', 'proposed']);
    expect(reads).toHaveLength(1);
    // The same text parsed again is another document, read anew; so is another selection.
    const again = infosOf(`{ actor(id: "a") { name proposed { date } } }`);
    expect(namesOf(again.of(again.fields[0]!))).toEqual(['name', 'proposed']);
    expect(reads).toHaveLength(2);
    const other = infosOf(`{ actor(id: "a") { name } }`);
    expect(namesOf(other.of(other.fields[0]!))).toEqual(['name']);
    expect(reads).toHaveLength(3);
  });

  it('tells a field asked once from the same field merged with another of its response key', () => {
    const namesOf = perSelection((selection) => selection.fieldNames());
    const doc = infosOf(`{ actor(id: "a") { name } actor(id: "a") { aliases } }`);
    const [once, twice] = doc.fields as [FieldNode, FieldNode];
    expect(namesOf(doc.of(once))).toEqual(['name']);
    expect(namesOf(doc.of(once, twice))).toEqual(['name', 'aliases']);
    expect(namesOf(doc.of(once))).toEqual(['name']);
  });

  it('follows fragments as the selection does', () => {
    const namesOf = perSelection((selection) => selection.fieldNames());
    const doc = infosOf(`{ actor(id: "a") { ...Named } } fragment Named on Actor { name kind }`);
    expect(namesOf(doc.of(doc.fields[0]!))).toEqual(['name', 'kind']);
  });
});

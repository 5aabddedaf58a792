/** The look-ahead on a stance list's selection: which properties and related items a query fetches. */
import { type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { Selection } from '../../src/shared/selection.js';
import { lookAheadName, mergeLookAhead, stanceLookAhead } from '../../src/stances/stance-lookahead.js';

/** The selection of the operation's first root field, as a resolver of it would see it. */
function selectionOf(document: string): Selection {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return Selection.of({ fieldNodes: [operation?.selectionSet.selections[0] as FieldNode], fragments });
}

describe('stance look-ahead', () => {
  it('fetches only the asked stance properties, and related items with only their asked properties', () => {
    const lookAhead = stanceLookAhead(
      selectionOf(`{ stances { items { kind date actor { name } position { title } evidence { quote source { publisher } } } } }`).at('items'),
    );
    expect(lookAhead.stance.sort()).toEqual(['date', 'evidence', 'sourceIds']);
    // No id is asked, and nothing here is found by one but the sources of the quotes.
    expect(lookAhead.stanceId).toBe(false);
    expect(lookAhead.actor).toEqual(['name']);
    expect(lookAhead.position?.sort()).toEqual(['title', 'type']);
    expect(lookAhead.meeting).toBeNull();
    expect(lookAhead.sources).toEqual(['id', 'publisher']);
  });

  it('fetches an id when it is asked or a field is found by it', () => {
    const asked = stanceLookAhead(selectionOf(`{ stances { items { id actor { id name } position { title } } } }`).at('items'));
    expect(asked.stanceId).toBe(true);
    expect(asked.actor).toEqual(['id', 'name']);
    expect(asked.position).toEqual(['type', 'title']);
    // A stance's targets, an actor's and a position's own lists are found by their ids.
    const lists = stanceLookAhead(
      selectionOf(`{ stances { items { targets { role } actor { proposed { date } } position { ... on Demand { rejectedBy { date } } } } } }`).at('items'),
    );
    expect(lists.stanceId).toBe(true);
    expect(lists.actor).toEqual(['id']);
    expect(lists.position).toEqual(['id', 'type']);
    // Evidence and sources of a related item are read from its properties, not by its id.
    const sourced = stanceLookAhead(selectionOf(`{ stances { items { kind actor { sources { publisher } } } } }`).at('items'));
    expect(sourced.stanceId).toBe(false);
    expect(sourced.actor).toEqual(['sourceIds']);
  });

  it('follows fragments and inline fragments, and ignores fields that are not stored properties', () => {
    const lookAhead = stanceLookAhead(
      selectionOf(
        `{ actor(id: "a") { proposed { ...S ... on Stance { sources { title } } } } } fragment S on Stance { plover { event } position { documents { title } } }`,
      ).at('proposed'),
    );
    // Sources without quotes come as a list of their own: neither their ids nor the stance's source ids.
    expect(lookAhead.stance.sort()).toEqual(['ploverContext', 'ploverEvent', 'ploverMode']);
    expect(lookAhead.position?.sort()).toEqual(['id', 'type']);
    expect(lookAhead.sources).toEqual(['title']);
    expect(lookAhead.actor).toBeNull();
  });

  it("reads a source's id when quotes are asked (to pair them) or when it is asked, and merges a batch so quotes still pair", () => {
    const quoted = stanceLookAhead(selectionOf(`{ x { sources { publisher } evidence { quote } } }`));
    expect(quoted.stance.sort()).toEqual(['evidence', 'sourceIds']);
    expect(quoted.sources).toEqual(['id', 'publisher']);
    const asked = stanceLookAhead(selectionOf(`{ x { sources { id publisher } } }`));
    expect(asked.stance).toEqual([]);
    expect(asked.sources).toEqual(['id', 'publisher']);
    const listOnly = stanceLookAhead(selectionOf(`{ x { sources { publisher } } }`));
    const quotesOnly = stanceLookAhead(selectionOf(`{ x { evidence { quote } } }`));
    expect(quotesOnly.sources).toBeNull();
    const merged = mergeLookAhead([listOnly, quotesOnly]);
    expect(merged.stance.sort()).toEqual(['evidence', 'sourceIds']);
    expect(merged.sources).toEqual(['id', 'publisher']);
  });

  it('merges the look-aheads of one batch, and names different look-aheads apart', () => {
    const a = stanceLookAhead(selectionOf(`{ x { actor { name } } }`));
    const b = stanceLookAhead(selectionOf(`{ x { date actor { kind } } }`));
    const merged = mergeLookAhead([a, b]);
    expect(merged.actor?.sort()).toEqual(['kind', 'name']);
    expect(merged.stance).toEqual(['date']);
    // One that reads the id: the merged look-ahead reads it, first.
    const c = stanceLookAhead(selectionOf(`{ x { id actor { id } } }`));
    const all = mergeLookAhead([a, c]);
    expect(all.actor).toEqual(['id', 'name']);
    expect(all.stanceId).toBe(true);
    expect(lookAheadName(a)).not.toBe(lookAheadName(b));
  });

  it('groups fields by response key as GraphQL merges them', () => {
    const groups = selectionOf(`{ actor(id: "a") { proposed { id } p2: proposed { date } proposed { kind } } }`).fieldsByResponseKey();
    expect([...groups.keys()]).toEqual(['proposed', 'p2']);
    expect(groups.get('proposed')).toHaveLength(2);
  });
});

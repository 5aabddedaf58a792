/**
 * The example operations of examples/operations.graphql, one runnable document each. The
 * playground lists them and the integration tests run them, both through this parser, so
 * what the playground offers is exactly what CI checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type DefinitionNode, type FragmentDefinitionNode, Kind, parse, type SelectionSetNode, Source } from 'graphql';

import { PROJECT_ROOT } from '../config/paths.js';

export const EXAMPLE_OPERATIONS_FILE = join(PROJECT_ROOT, 'examples', 'operations.graphql');

export interface ExampleOperation {
  /** The operation name, e.g. "WhoRejectedWhat". */
  name: string;
  /** The first comment line right above the operation. */
  title: string;
  /** The further comment lines right above it, joined. */
  description: string;
  /** The operation, its comment and the fragments it uses: a document with one operation. */
  query: string;
}

/** The `#` lines right above `offset` (no blank line in between), without their `#`. */
function commentAbove(text: string, offset: number): string[] {
  const lines = text.slice(0, offset).split('\n');
  lines.pop(); // the part of the operation's own line before it starts (normally empty)
  const comment: string[] = [];
  for (let line = lines.pop(); line !== undefined && /^\s*#/.test(line); line = lines.pop()) {
    comment.unshift(line.replace(/^\s*#\s?/, '').trimEnd());
  }
  return comment;
}

function spreadNames(set: SelectionSetNode | undefined, into: Set<string>): Set<string> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) into.add(selection.name.value);
    else spreadNames(selection.selectionSet, into);
  }
  return into;
}

function sourceOf(text: string, node: DefinitionNode): string {
  if (!node.loc) throw new Error('parsed without locations');
  return text.slice(node.loc.start, node.loc.end);
}

/**
 * Splits a document into its named operations. Throws on a syntax error or an anonymous
 * operation: examples are picked by name, in the playground and in the tests.
 */
export function parseExampleOperations(text: string, fileName = 'operations.graphql'): ExampleOperation[] {
  const document = parse(new Source(text, fileName));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const examples: ExampleOperation[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = definition.name?.value;
    if (!name) throw new Error(`${fileName}: every example operation needs a name (line ${definition.loc?.startToken.line ?? '?'})`);

    // The fragments it uses, transitively, in file order.
    const needed = new Set<string>();
    const queue = [...spreadNames(definition.selectionSet, new Set())];
    while (queue.length) {
      const fragmentName = queue.shift()!;
      if (needed.has(fragmentName)) continue;
      needed.add(fragmentName);
      queue.push(...spreadNames(fragments.get(fragmentName)?.selectionSet, new Set()));
    }
    const fragmentTexts = [...fragments.values()].filter((f) => needed.has(f.name.value)).map((f) => sourceOf(text, f));

    const comment = commentAbove(text, definition.loc!.start);
    const [title = name, ...rest] = comment;
    const commentText = comment.map((line) => `# ${line}`.trimEnd()).join('\n');
    examples.push({
      name,
      title,
      description: rest.join(' ').trim(),
      query: [commentText ? `${commentText}\n${sourceOf(text, definition)}` : sourceOf(text, definition), ...fragmentTexts].join('\n\n') + '\n',
    });
  }
  return examples;
}

export function readExampleOperations(file = EXAMPLE_OPERATIONS_FILE): { text: string; examples: ExampleOperation[] } {
  const text = readFileSync(file, 'utf8');
  return { text, examples: parseExampleOperations(text, file) };
}

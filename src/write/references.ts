/**
 * References: ids a write points at, which must exist in the graph with the right kind. The
 * graph answers which ids exist (write.repository.ts `findIds`); this decides what is wrong.
 */
import type { IdKind } from './ids.js';
import type { Problems } from './problems.js';

export interface Reference {
  field: string;
  id: string;
  /** The kinds the id may be of. */
  kinds: readonly IdKind[];
}

const withArticle = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Problems for references whose id is missing from `found` (id → kind) or of another kind. */
export function checkReferencesExist(problems: Problems, references: readonly Reference[], found: ReadonlyMap<string, IdKind>): void {
  for (const ref of references) {
    const kind = found.get(ref.id);
    if (kind === undefined) problems.add(ref.field, `refers to "${ref.id}", which does not exist`);
    else if (!ref.kinds.includes(kind))
      problems.add(ref.field, `refers to "${ref.id}", which is ${withArticle(kind)}, not ${ref.kinds.map(withArticle).join(' or ')}`);
  }
}

/**
 * Ids of the items a write creates or names: "<kind>:<slug>", the same patterns as the seed
 * format (schema/seed.schema.json), and how an id is made from a name when the client leaves
 * it out ("actor" + "Rustem Umerov" → "actor:rustem-umerov").
 */
import { type IdKind } from '../shared/graph-kinds.js';
import { foldText } from '../shared/text.js';
import type { Problems } from './problems.js';

// The id kinds and kindOfId come from the one table of graph kinds.
export { ID_KINDS, type IdKind, kindOfId } from '../shared/graph-kinds.js';

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
// Stance ids keep the kind's underscore ("stance:russia-agreed_to-..."), as in the seed.
const STANCE_SLUG = '[a-z0-9]+(?:[-_][a-z0-9]+)*';
export const MAX_ID_LENGTH = 200;

export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${kind}:${kind === 'stance' ? STANCE_SLUG : SLUG}$`);
}

export function checkId(problems: Problems, field: string, id: unknown, kind: IdKind): void {
  if (typeof id !== 'string' || id.length === 0) return problems.add(field, `is required (a "${kind}:<slug>" id)`);
  if (id.length > MAX_ID_LENGTH) return problems.add(field, `is longer than ${MAX_ID_LENGTH} characters`);
  if (!idPattern(kind).test(id)) {
    problems.add(field, `must look like "${kind}:<slug>" (lowercase letters, digits and hyphens${kind === 'stance' ? ' or underscores' : ''}), got "${id}"`);
  }
}

/** A lowercase ASCII slug of a text: "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan". */
export function slugOf(text: string, maxLength = 80): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** An id made from the given parts ("actor" + "Rustem Umerov" → "actor:rustem-umerov"). */
export function generateId(kind: IdKind, ...parts: Array<string | null | undefined>): string {
  return `${kind}:${slugOf(parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' '))}`;
}

/** The slug part of an id ("actor:russia" → "russia"). */
export const slugOfId = (id: string): string => id.slice(id.indexOf(':') + 1);

/**
 * Lists are bounded: every list query takes a page (default 50, at most 200) and answers
 * with the total count, in a stable order, so clients can page through without surprises.
 * The offset is bounded too: the database skips every item before the page, so a deep
 * offset costs as much as reading that many items, and one near 2^31 overflowed the Cypher
 * slice (`offset + limit`) into an internal error. Past the bound, a filter is the way in.
 */
import { Field, InputType, Int } from 'type-graphql';

import { badUserInput } from '../errors/errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_PAGE_OFFSET = 100_000;

@InputType({
  description: `A window on a list: \`limit\` items (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}) after skipping \`offset\` (at most ${MAX_PAGE_OFFSET}).`,
})
export class PageInput {
  @Field(() => Int, { nullable: true, description: `How many items to return (1–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: `How many items to skip (0–${MAX_PAGE_OFFSET}; default 0).` })
  offset?: number | null;
}

export interface Window {
  limit: number;
  offset: number;
}

/** Checks a page argument; the error names the offending field. */
export function toWindow(page: PageInput | null | undefined, argument = 'page'): Window {
  const limit = page?.limit ?? DEFAULT_PAGE_SIZE;
  const offset = page?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badUserInput(`${argument}.limit`, `must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_PAGE_OFFSET) {
    throw badUserInput(
      `${argument}.offset`,
      `must be between 0 and ${MAX_PAGE_OFFSET}, got ${offset}; to reach items further down the list, narrow it with a filter`,
    );
  }
  return { limit, offset };
}

/** Options of every `page` argument, so each list documents it the same way. */
export const PAGE_ARG = {
  nullable: true,
  description: `Which part of the list: \`limit\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}) and \`offset\` (at most ${MAX_PAGE_OFFSET}).`,
} as const;

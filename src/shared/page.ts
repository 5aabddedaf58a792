/**
 * Lists are bounded: every list query takes a page (default 50, at most 200) and answers
 * with the total count, in a stable order, so clients can page through without surprises.
 */
import { Field, InputType, Int } from 'type-graphql';

import { badUserInput } from '../errors/errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@InputType({ description: `A window on a list: \`limit\` items (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}) after skipping \`offset\`.` })
export class PageInput {
  @Field(() => Int, { nullable: true, description: `How many items to return (1–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many items to skip (default 0).' })
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
  if (!Number.isInteger(offset) || offset < 0) {
    throw badUserInput(`${argument}.offset`, `must be 0 or more, got ${offset}`);
  }
  return { limit, offset };
}

/** Options of every `page` argument, so each list documents it the same way. */
export const PAGE_ARG = {
  nullable: true,
  description: `Which part of the list: \`limit\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}) and \`offset\`.`,
} as const;

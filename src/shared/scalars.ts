/**
 * Calendar dates are `LocalDate` (YYYY-MM-DD, checked against the calendar, so 2025-02-30 is
 * refused as bad input). Instants stay ISO 8601 strings with their offset, as reported.
 */
import { LocalDateResolver } from 'graphql-scalars';

import { badUserInput } from '../errors/errors.js';

export const LocalDate = LocalDateResolver;

/** A date range whose end comes before its start is a mistake, not an empty answer. */
export function checkDateRange(from: string | null | undefined, to: string | null | undefined, prefix = ''): void {
  if (from && to && from > to) throw badUserInput(`${prefix}to`, `(${to}) is before "${prefix}from" (${from})`);
}

/**
 * Calendar dates are `LocalDate` (YYYY-MM-DD, checked against the calendar, so 2025-02-30 is
 * refused as bad input). Instants stay ISO 8601 strings with their offset, as reported.
 */
import { LocalDateResolver } from 'graphql-scalars';

export const LocalDate = LocalDateResolver;

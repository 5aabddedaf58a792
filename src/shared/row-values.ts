/**
 * Small readers for values in rows from Neo4j, shared by the feature mappings
 * (`<feature>.mapping.ts`). Pure functions.
 */
import type { Row } from '../db/executor.js';

/**
 * The properties of one node or relationship, as a map column of a row (`row['actor']`):
 * plain values, the same shape as the row itself, so one type serves both.
 */
export type Props = Row;

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

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
/** A JSON object (not an array, not null): a body, a dataset, a row's map. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Small readers for values in rows from Neo4j, shared by the feature mappings
 * (`<feature>.mapping.ts`). Pure functions.
 */
export type Props = Record<string, unknown>;

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

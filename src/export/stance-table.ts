/**
 * The "who did what to which, per source" table of /export/stances.csv and .jsonl: one record
 * per stance and reporting source. Column names are snake_case so they are valid pandas
 * attribute names (`df.source_publisher`). Pure functions; unit tested.
 */
import { stringify } from 'csv-stringify/sync';

import type { Row } from '../db/executor.js';

/** The columns, in order. The CSV header and every JSON line use exactly these names. */
export const STANCE_COLUMNS = [
  'stance_id',
  'kind',
  'actor_id',
  'actor',
  'actor_kind',
  'target_ids',
  'targets',
  'position_id',
  'position',
  'position_type',
  'topics',
  'meeting_id',
  'meeting',
  'meeting_round',
  'date',
  'source_id',
  'source_publisher',
  'source_title',
  'source_published_at',
  'source_url',
  'evidence',
  'plover_event',
  'plover_mode',
  'plover_context',
  'cameo',
  'status',
  'recorded_at',
] as const;

export type StanceColumn = (typeof STANCE_COLUMNS)[number];

/** Columns that hold lists: arrays in JSON lines, joined with LIST_SEPARATOR in the CSV. */
const LIST_COLUMNS: ReadonlySet<StanceColumn> = new Set<StanceColumn>(['target_ids', 'targets', 'topics', 'plover_context']);

/** Topics, PLOVER contexts, ids and actor names never contain "|". */
export const LIST_SEPARATOR = '|';

export type StanceRecord = Record<StanceColumn, string | number | string[] | null>;

/** A row of `export/stream-stance-rows` as a record with every column, in column order. */
export function toStanceRecord(row: Row): StanceRecord {
  const record = {} as StanceRecord;
  for (const column of STANCE_COLUMNS) {
    const value = row[column];
    if (LIST_COLUMNS.has(column)) record[column] = Array.isArray(value) ? value.map(String) : [];
    else record[column] = typeof value === 'string' || typeof value === 'number' ? value : null;
  }
  return record;
}

const csvOptions = { columns: [...STANCE_COLUMNS], eof: true, record_delimiter: 'unix' as const };

/** The CSV header line. */
export function csvHeader(): string {
  return stringify([], { ...csvOptions, header: true });
}

/** One CSV line, quoted by csv-stringify (commas, quotes and newlines in quotes are safe). */
export function csvLine(record: StanceRecord): string {
  const flat: Record<string, string | number | null> = {};
  for (const column of STANCE_COLUMNS) {
    const value = record[column];
    flat[column] = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
  }
  return stringify([flat], { ...csvOptions, header: false });
}

/** One JSON line: the record as an object, lists as arrays, newline-terminated. */
export function jsonLine(record: StanceRecord): string {
  return `${JSON.stringify(record)}\n`;
}

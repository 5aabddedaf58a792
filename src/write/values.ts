/**
 * Rules for single values a write carries (texts, numbers, dates, URLs), as pure functions
 * (unit tested), and the LIMITS they enforce. The limits follow the seed format
 * (schema/seed.schema.json), so anything written through the API could be exported back into
 * a valid dataset file.
 */
import type { Problems } from './problems.js';

export const LIMITS = {
  /** Names, titles, publishers, venues, cities. */
  name: 300,
  /** Descriptions, summaries. */
  text: 2000,
  /** Evidence quotes: one clause or sentence (as in the seed format). */
  quote: 300,
  claim: 1000,
  reason: 1000,
  aliases: 50,
  url: 2000,
  evidence: 50,
  concerns: 50,
  versions: 20,
} as const;

/** What rules that depend on the moment of the write are given ("not in the future"). */
export interface RuleContext {
  now: Date;
}

export interface TextRule {
  required?: boolean;
  max: number;
  /** Refuse line breaks (quotes are one line in the seed format). */
  oneLine?: boolean;
}

export function checkText(problems: Problems, field: string, value: string | null | undefined, rule: TextRule): void {
  if (value === null || value === undefined) {
    if (rule.required) problems.add(field, 'is required');
    return;
  }
  if (value.trim().length === 0)
    return problems.add(field, rule.required ? 'is required and must not be blank' : 'must not be blank (send null to leave it out)');
  if (value.length > rule.max) problems.add(field, `must be at most ${rule.max} characters, got ${value.length}`);
  if (rule.oneLine && /[\r\n]/.test(value)) problems.add(field, 'must be on one line (no line breaks)');
}

export function checkInteger(problems: Problems, field: string, value: number | null | undefined, min: number, max: number): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) problems.add(field, `must be a whole number from ${min} to ${max}, got ${value}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/** Today as YYYY-MM-DD, plus `days` (a day of slack covers every time zone). */
export function isoDay(now: Date, days = 0): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface DateRange {
  min?: string;
  max?: string;
  maxReason?: string;
}

export function checkDate(problems: Problems, field: string, value: string | null | undefined, range: DateRange): void {
  if (value === null || value === undefined) return;
  if (!isCalendarDate(value)) return problems.add(field, `must be a calendar date YYYY-MM-DD, got "${value}"`);
  const min = range.min ?? EARLIEST_DATE;
  const max = range.max ?? LATEST_DATE;
  if (value < min) problems.add(field, `must be on or after ${min}, got ${value}`);
  if (value > max) problems.add(field, `must be on or before ${max}${range.maxReason ? ` (${range.maxReason})` : ''}, got ${value}`);
}

/** Dates of things that happened (a held meeting, a stance, a publication): not after tomorrow. */
export const notInFuture = (ctx: RuleContext): DateRange => ({ max: isoDay(ctx.now, 1), maxReason: 'it cannot be in the future' });

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

export function checkDateTime(problems: Problems, field: string, value: string | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)) || !isCalendarDate(value.slice(0, 10))) {
    problems.add(field, `must be an ISO 8601 date-time with an offset, e.g. "2025-06-02T14:43:00+03:00", got "${value}"`);
  }
}

export function checkUrl(problems: Problems, field: string, value: string | null | undefined): void {
  if (value === null || value === undefined) return;
  checkText(problems, field, value, { max: LIMITS.url, oneLine: true });
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) problems.add(field, `must be an http(s) URL, got "${value}"`);
}

export function checkRequired(problems: Problems, field: string, value: unknown): void {
  if (value === null || value === undefined || value === '') problems.add(field, 'is required');
}

/** Each value of a list once: a repeat is named by its index. */
export function checkDistinct(problems: Problems, field: string, values: readonly string[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) problems.add(`${field}[${i}]`, `repeats "${value}"`);
    seen.add(value);
  });
}

export function checkReason(problems: Problems, field: string, reason: string | null | undefined): void {
  checkText(problems, field, reason, { required: true, max: LIMITS.reason });
  if (reason && reason.trim().length > 0 && reason.trim().length < 3) problems.add(field, 'must say why, in at least 3 characters');
}

/** The fields whose value differs between two versions of an item (compared as JSON). */
export function changedFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T>): Array<keyof T> {
  return fields.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

/** The fields of an update input that were sent: left out (undefined) means "keep as it is". */
export const sentFields = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

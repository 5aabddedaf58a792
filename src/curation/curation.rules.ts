/**
 * The rules a write must pass before it reaches the database, as pure functions (unit
 * tested). Every problem names its field the way the client sent it ("input.evidence[0].quote"),
 * and all problems of an input are reported together, not just the first.
 *
 * The limits follow the seed format (schema/seed.schema.json): the same id patterns, quotes
 * of at most 300 characters on one line, one quote per source, so anything written through
 * the API could be exported back into a valid dataset file.
 */
import { AppError, ErrorCode } from '../errors/errors.js';
import type { EvidenceEntry, SeedActor, SeedDisagreement, SeedDocument, SeedMeeting, SeedPosition, SeedSource, SeedStance } from '../seed/seed-format.js';
import { type IdKind, kindOfId } from '../shared/graph-kinds.js';
import { foldText } from '../shared/text.js';

export interface FieldProblem {
  /** Where the bad value is, e.g. "input.evidence[0].sourceId". */
  field: string;
  message: string;
}

/** Collects problems; `throwIfAny` turns them into one BAD_USER_INPUT error. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw invalidInput(this.list);
  }
}

/** One error for every problem of an input: the message lists them, `problems` holds them. */
export function invalidInput(problems: FieldProblem[]): AppError {
  const [first] = problems;
  const message =
    problems.length === 1 && first
      ? `Argument "${first.field}" ${first.message}`
      : `The input has ${problems.length} problems: ${problems.map((p) => `"${p.field}" ${p.message}`).join('; ')}`;
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { argument: first?.field, problems });
}

// ---------------------------------------------------------------------------------------------
// Ids

// The id kinds come from the one table of graph kinds (src/shared/graph-kinds.ts).
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

// ---------------------------------------------------------------------------------------------
// Values

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

export function checkDate(
  problems: Problems,
  field: string,
  value: string | null | undefined,
  range: { min?: string; max?: string; maxReason?: string },
): void {
  if (value === null || value === undefined) return;
  if (!isCalendarDate(value)) return problems.add(field, `must be a calendar date YYYY-MM-DD, got "${value}"`);
  const min = range.min ?? EARLIEST_DATE;
  const max = range.max ?? LATEST_DATE;
  if (value < min) problems.add(field, `must be on or after ${min}, got ${value}`);
  if (value > max) problems.add(field, `must be on or before ${max}${range.maxReason ? ` (${range.maxReason})` : ''}, got ${value}`);
}

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

/** Evidence: at least `min` entries, one quote per source, each quote short and on one line. */
export function checkEvidence(problems: Problems, field: string, evidence: readonly EvidenceEntry[] | null | undefined, min = 1): void {
  const list = evidence ?? [];
  if (list.length < min) {
    problems.add(field, `must name at least ${min} source with a quote ({sourceId, quote}): a fact without a source is not stored`);
    return;
  }
  if (list.length > LIMITS.evidence) problems.add(field, `may hold at most ${LIMITS.evidence} entries, got ${list.length}`);
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    checkId(problems, `${field}[${i}].sourceId`, entry.sourceId, 'source');
    checkText(problems, `${field}[${i}].quote`, entry.quote, { required: true, max: LIMITS.quote, oneLine: true });
    if (seen.has(entry.sourceId)) problems.add(`${field}[${i}].sourceId`, `names source "${entry.sourceId}" a second time; keep one quote per source`);
    seen.add(entry.sourceId);
  });
}

function checkRequired(problems: Problems, field: string, value: unknown): void {
  if (value === null || value === undefined || value === '') problems.add(field, 'is required');
}

function checkDistinct(problems: Problems, field: string, values: readonly string[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) problems.add(`${field}[${i}]`, `repeats "${value}"`);
    seen.add(value);
  });
}

// ---------------------------------------------------------------------------------------------
// Items, in the seed format's shapes. `prefix` is where the item sits in the request ("input").

export interface RuleContext {
  now: Date;
}

const notInFuture = (ctx: RuleContext) => ({ max: isoDay(ctx.now, 1), maxReason: 'it cannot be in the future' });

export function checkActor(problems: Problems, prefix: string, a: SeedActor): void {
  checkId(problems, `${prefix}.id`, a.id, 'actor');
  checkText(problems, `${prefix}.name`, a.name, { required: true, max: LIMITS.name, oneLine: true });
  checkRequired(problems, `${prefix}.kind`, a.kind);
  const aliases = a.aliases ?? [];
  if (aliases.length > LIMITS.aliases) problems.add(`${prefix}.aliases`, `may hold at most ${LIMITS.aliases} names, got ${aliases.length}`);
  aliases.forEach((alias, i) => checkText(problems, `${prefix}.aliases[${i}]`, alias, { required: true, max: LIMITS.name, oneLine: true }));
  checkDistinct(problems, `${prefix}.aliases`, aliases);
  checkText(problems, `${prefix}.description`, a.description, { max: LIMITS.text });
  if (a.wikidataId !== null && a.wikidataId !== undefined && !/^Q[1-9][0-9]*$/.test(a.wikidataId)) {
    problems.add(`${prefix}.wikidataId`, `must be a Wikidata item id like "Q159", got "${a.wikidataId}"`);
  }
  checkEvidence(problems, `${prefix}.evidence`, a.evidence);
}

export function checkMeeting(problems: Problems, prefix: string, m: SeedMeeting, ctx: RuleContext): void {
  checkId(problems, `${prefix}.id`, m.id, 'meeting');
  checkText(problems, `${prefix}.title`, m.title, { required: true, max: LIMITS.name, oneLine: true });
  checkRequired(problems, `${prefix}.status`, m.status);
  checkInteger(problems, `${prefix}.round`, m.round, 1, 1000);
  checkDate(problems, `${prefix}.date`, m.date, m.status === 'HELD' ? { ...notInFuture(ctx), maxReason: 'a HELD meeting cannot be in the future' } : {});
  if (m.status === 'HELD' && !m.date) problems.add(`${prefix}.date`, 'is required for a HELD meeting');
  checkDateTime(problems, `${prefix}.startedAt`, m.startedAt);
  checkDateTime(problems, `${prefix}.endedAt`, m.endedAt);
  if (m.startedAt && m.endedAt && !Number.isNaN(Date.parse(m.startedAt)) && Date.parse(m.endedAt) < Date.parse(m.startedAt)) {
    problems.add(`${prefix}.endedAt`, `(${m.endedAt}) is before startedAt (${m.startedAt})`);
  }
  checkInteger(problems, `${prefix}.durationMinutes`, m.durationMinutes, 0, 7 * 24 * 60);
  checkText(problems, `${prefix}.venue`, m.venue, { max: LIMITS.name, oneLine: true });
  checkText(problems, `${prefix}.city`, m.city, { max: LIMITS.name, oneLine: true });
  checkEvidence(problems, `${prefix}.evidence`, m.evidence);
}

export function checkPosition(problems: Problems, prefix: string, p: SeedPosition): void {
  checkId(problems, `${prefix}.id`, p.id, 'position');
  checkText(problems, `${prefix}.title`, p.title, { required: true, max: LIMITS.name, oneLine: true });
  checkRequired(problems, `${prefix}.type`, p.type);
  checkText(problems, `${prefix}.summary`, p.summary, { max: LIMITS.text });
  const topics = p.topics ?? [];
  if (topics.length === 0) problems.add(`${prefix}.topics`, 'must name at least one topic');
  checkDistinct(problems, `${prefix}.topics`, topics);
  checkEvidence(problems, `${prefix}.evidence`, p.evidence);
}

export function checkDocument(problems: Problems, prefix: string, d: SeedDocument): void {
  checkId(problems, `${prefix}.id`, d.id, 'document');
  checkText(problems, `${prefix}.title`, d.title, { required: true, max: LIMITS.name, oneLine: true });
  checkRequired(problems, `${prefix}.kind`, d.kind);
  checkInteger(problems, `${prefix}.pages`, d.pages, 1, 100_000);
  checkInteger(problems, `${prefix}.parts`, d.parts, 1, 10_000);
  checkEvidence(problems, `${prefix}.evidence`, d.evidence);
}

export function checkSource(problems: Problems, prefix: string, s: SeedSource, ctx: RuleContext): void {
  checkId(problems, `${prefix}.id`, s.id, 'source');
  checkText(problems, `${prefix}.publisher`, s.publisher, { required: true, max: LIMITS.name, oneLine: true });
  checkText(problems, `${prefix}.title`, s.title, { required: true, max: LIMITS.name, oneLine: true });
  checkDate(problems, `${prefix}.publishedAt`, s.publishedAt, notInFuture(ctx));
  if (s.language !== null && s.language !== undefined && !/^[a-z]{2}$/.test(s.language)) {
    problems.add(`${prefix}.language`, `must be an ISO 639-1 code of two lowercase letters, e.g. "en", got "${s.language}"`);
  }
  checkUrl(problems, `${prefix}.url`, s.url);
}

/** PLOVER event types a stance may carry (seed format). */
export const PLOVER_EVENTS: readonly string[] = ['DEMAND', 'AGREE', 'CONCEDE', 'REJECT', 'SUPPORT', 'CONSULT'];

export function checkStance(problems: Problems, prefix: string, s: SeedStance, ctx: RuleContext): void {
  checkId(problems, `${prefix}.id`, s.id, 'stance');
  checkRequired(problems, `${prefix}.kind`, s.kind);
  checkId(problems, `${prefix}.actorId`, s.actorId, 'actor');
  checkId(problems, `${prefix}.positionId`, s.positionId, 'position');
  if (s.meetingId !== null && s.meetingId !== undefined) checkId(problems, `${prefix}.meetingId`, s.meetingId, 'meeting');
  checkDate(problems, `${prefix}.date`, s.date, notInFuture(ctx));
  if (s.cameo !== null && s.cameo !== undefined && !/^[0-9]{2,4}$/.test(s.cameo))
    problems.add(`${prefix}.cameo`, `must be a CAMEO code of 2-4 digits, e.g. "0356", got "${s.cameo}"`);
  if (s.plover) {
    // As in the seed format: an event type of PLOVER's, lowercase mode and context tokens.
    const event = s.plover.event;
    if (event !== null && event !== undefined && !PLOVER_EVENTS.includes(event))
      problems.add(`${prefix}.plover.event`, `must be one of ${PLOVER_EVENTS.join(', ')} (or null), got "${event}"`);
    const mode = s.plover.mode;
    if (mode !== null && mode !== undefined && !/^[a-z][a-z_-]{0,99}$/.test(mode))
      problems.add(`${prefix}.plover.mode`, `must be a lowercase token such as "yield" or "release_persons", got "${mode}"`);
    const context = s.plover.context ?? [];
    context.forEach((c, i) => {
      if (!/^[a-z][a-z_]{0,99}$/.test(c))
        problems.add(`${prefix}.plover.context[${i}]`, `must be a lowercase tag such as "ceasefire" or "military", got "${c}"`);
    });
    checkDistinct(problems, `${prefix}.plover.context`, context);
  }
  checkEvidence(problems, `${prefix}.evidence`, s.evidence);
}

/** Ids a disagreement may concern: nodes (a CONCERNS edge cannot point at a stance edge). */
export const CONCERNABLE_KINDS: readonly IdKind[] = ['actor', 'meeting', 'position', 'document', 'source'];

export function checkDisagreement(problems: Problems, prefix: string, d: SeedDisagreement): void {
  checkId(problems, `${prefix}.id`, d.id, 'disagreement');
  checkText(problems, `${prefix}.summary`, d.summary, { required: true, max: LIMITS.text });
  if (d.concerns.length === 0) problems.add(`${prefix}.concerns`, 'must name at least one actor, meeting, position, document or source it is about');
  if (d.concerns.length > LIMITS.concerns) problems.add(`${prefix}.concerns`, `may hold at most ${LIMITS.concerns} ids`);
  d.concerns.forEach((id, i) => {
    const kind = kindOfId(id);
    if (!kind || !CONCERNABLE_KINDS.includes(kind))
      problems.add(`${prefix}.concerns[${i}]`, `must be the id of an actor, meeting, position, document or source, got "${id}"`);
    else checkId(problems, `${prefix}.concerns[${i}]`, id, kind);
  });
  checkDistinct(problems, `${prefix}.concerns`, d.concerns);
  if (d.versions.length < 2)
    problems.add(`${prefix}.versions`, 'must hold at least two versions, from two different sources: a disagreement is between sources');
  if (d.versions.length > LIMITS.versions) problems.add(`${prefix}.versions`, `may hold at most ${LIMITS.versions} versions`);
  d.versions.forEach((v, i) => {
    checkId(problems, `${prefix}.versions[${i}].sourceId`, v.sourceId, 'source');
    checkText(problems, `${prefix}.versions[${i}].claim`, v.claim, { required: true, max: LIMITS.claim });
    checkText(problems, `${prefix}.versions[${i}].quote`, v.quote, { required: true, max: LIMITS.quote, oneLine: true });
  });
  if (d.versions.length >= 2 && new Set(d.versions.map((v) => v.sourceId)).size < 2) {
    problems.add(`${prefix}.versions`, 'must come from at least two different sources');
  }
}

export function checkReason(problems: Problems, field: string, reason: string | null | undefined): void {
  checkText(problems, field, reason, { required: true, max: LIMITS.reason });
  if (reason && reason.trim().length > 0 && reason.trim().length < 3) problems.add(field, 'must say why, in at least 3 characters');
}

// ---------------------------------------------------------------------------------------------
// References: ids a write points at, which must exist in the graph with the right kind.

export interface Reference {
  field: string;
  id: string;
  /** The kinds the id may be of. */
  kinds: readonly IdKind[];
}

export function evidenceReferences(field: string, evidence: readonly EvidenceEntry[]): Reference[] {
  return evidence.map((e, i) => ({ field: `${field}[${i}].sourceId`, id: e.sourceId, kinds: ['source'] }));
}

/** Problems for references whose id is missing from `found` (id → kind) or of another kind. */
const withArticle = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

export function checkReferencesExist(problems: Problems, references: readonly Reference[], found: ReadonlyMap<string, IdKind>): void {
  for (const ref of references) {
    const kind = found.get(ref.id);
    if (kind === undefined) problems.add(ref.field, `refers to "${ref.id}", which does not exist`);
    else if (!ref.kinds.includes(kind))
      problems.add(ref.field, `refers to "${ref.id}", which is ${withArticle(kind)}, not ${ref.kinds.map(withArticle).join(' or ')}`);
  }
}

/** The fields whose value differs between two versions of an item (compared as JSON). */
export function changedFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T>): Array<keyof T> {
  return fields.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

/** The rules a source must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedSource } from '../shared/seed-format.js';
import { checkId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkDate, checkText, checkUrl, LIMITS, notInFuture, type RuleContext } from '../write/values.js';
import { sourceTextProblem } from '../shared/source-text.js';

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

/** A source written through the API: its fields, and the text and retrieval time it may carry. */
export function checkSourceWrite(problems: Problems, prefix: string, s: SeedSource, ctx: RuleContext): void {
  checkSource(problems, prefix, s, ctx);
  const problem = typeof s.text === 'string' ? sourceTextProblem(s.text) : null;
  if (problem) problems.add(`${prefix}.text`, problem);
  if (s.retrievedAt != null && Number.isNaN(Date.parse(s.retrievedAt)))
    problems.add(`${prefix}.retrievedAt`, `must be an ISO 8601 instant, e.g. "2025-07-23T18:00:00Z", got "${s.retrievedAt}"`);
}

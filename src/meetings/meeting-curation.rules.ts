/** The rules a meeting must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedMeeting } from '../shared/seed-format.js';
import { checkEvidence } from '../write/evidence.js';
import { checkId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkDate, checkDateTime, checkInteger, checkRequired, checkText, LIMITS, notInFuture, type RuleContext } from '../write/values.js';

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

/** The rules a stance must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedStance } from '../shared/seed-format.js';
import { checkEvidence } from '../write/evidence.js';
import { checkId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkDate, checkDistinct, checkRequired, notInFuture, type RuleContext } from '../write/values.js';

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

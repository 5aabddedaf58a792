/** The rules a position must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedPosition } from '../shared/seed-format.js';
import { checkEvidence } from '../write/evidence.js';
import { checkId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkDistinct, checkRequired, checkText, LIMITS } from '../write/values.js';

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

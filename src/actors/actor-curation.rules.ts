/** The rules an actor must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedActor } from '../shared/seed-format.js';
import { checkEvidence } from '../write/evidence.js';
import { checkId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkDistinct, checkRequired, checkText, LIMITS } from '../write/values.js';

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

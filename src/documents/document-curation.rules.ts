/** The rules a document must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedDocument } from '../shared/seed-format.js';
import { checkEvidence } from '../write/evidence.js';
import { checkId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkInteger, checkRequired, checkText, LIMITS } from '../write/values.js';

export function checkDocument(problems: Problems, prefix: string, d: SeedDocument): void {
  checkId(problems, `${prefix}.id`, d.id, 'document');
  checkText(problems, `${prefix}.title`, d.title, { required: true, max: LIMITS.name, oneLine: true });
  checkRequired(problems, `${prefix}.kind`, d.kind);
  checkInteger(problems, `${prefix}.pages`, d.pages, 1, 100_000);
  checkInteger(problems, `${prefix}.parts`, d.parts, 1, 10_000);
  checkEvidence(problems, `${prefix}.evidence`, d.evidence);
}

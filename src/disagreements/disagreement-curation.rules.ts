/** The rules a disagreement must pass before it is written (pure, unit tested); see src/write/ for the shared ones. */
import type { SeedDisagreement } from '../shared/seed-format.js';
import { GRAPH_KINDS, ID_KINDS } from '../shared/graph-kinds.js';
import { checkId, type IdKind, kindOfId } from '../write/ids.js';
import type { Problems } from '../write/problems.js';
import { checkDistinct, checkText, LIMITS } from '../write/values.js';

/**
 * Ids a disagreement may concern: the kinds stored as nodes (a CONCERNS edge cannot point at a
 * stance edge), but not another disagreement (a disagreement is about the graph's items).
 */
export const CONCERNABLE_KINDS: readonly IdKind[] = ID_KINDS.filter((kind) => GRAPH_KINDS[kind].storedAs === 'node' && kind !== 'disagreement');

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

/** Disagreement ids name the disputed point: the first words of the summary. */
export function slugOfSummary(summary: string): string {
  return summary.split(/\s+/).slice(0, 8).join(' ');
}

/**
 * Evidence, the sources a fact is stored with: every write of a fact names at least one
 * source with a short verbatim quote, one quote per source (as in the seed format).
 */
import type { EvidenceEntry } from '../shared/seed-format.js';
import type { QuoteToCheck } from './quote-check.js';
import { checkId } from './ids.js';
import type { Problems } from './problems.js';
import type { Reference } from './references.js';
import { checkText, LIMITS } from './values.js';

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

/** The sources an evidence list names, which must exist as sources. */
export function evidenceReferences(field: string, evidence: readonly EvidenceEntry[]): Reference[] {
  return evidence.map((e, i) => ({ field: `${field}[${i}].sourceId`, id: e.sourceId, kinds: ['source'] }));
}

/** The quotes of an evidence list, named by their input field, for the check against source texts. */
export const quotesOf = (field: string, evidence: readonly EvidenceEntry[]): QuoteToCheck[] =>
  evidence.map((e, i) => ({ field: `${field}[${i}].quote`, sourceId: e.sourceId, quote: e.quote }));

/** The evidence entries of an input list (the GraphQL input class carries nothing else). */
export const evidenceOf = (list: ReadonlyArray<{ sourceId: string; quote: string }> | null | undefined): EvidenceEntry[] =>
  (list ?? []).map((e) => ({ sourceId: e.sourceId, quote: e.quote }));

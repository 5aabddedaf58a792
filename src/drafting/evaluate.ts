/**
 * Scores drafted candidates against curated stances (`npm run eval:draft` runs it on the seed).
 * Two measures, per kind and overall:
 * - (actor, kind, quote): a candidate is right when a curated stance of the same kind cites the
 *   same source with a quote that overlaps the candidate's, and its actor is the candidate's
 *   actor, one of its groups or one of its members (Medinsky for Russia counts: the seed codes
 *   some stances to the state and some to the person). The curated side counts each distinct
 *   (actor, kind, source, quote) once.
 * - (actor, kind, position): the candidate's best position is the stance's position, whatever
 *   the source; counted once per distinct triple on each side.
 * Pure; unit tested.
 */
import type { SeedDataset } from '../seed/seed-format.js';

export interface ScoredCandidate {
  sourceId: string;
  kind: string;
  actorId: string | null;
  start: number;
  end: number;
  positionId: string | null;
}

export interface Score {
  kind: string;
  predicted: number;
  correct: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  quote: Score[];
  position: Score[];
}

const KINDS = ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'];

/** Is `a` the same side as `b`: equal, or one a (transitive) group of the other. */
export function sameSide(a: string | null, b: string, groupsOf: (id: string) => string[]): boolean {
  if (!a) return false;
  return a === b || groupsOf(a).includes(b) || groupsOf(b).includes(a);
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

export function evaluate(
  data: SeedDataset,
  texts: ReadonlyMap<string, string>,
  candidates: readonly ScoredCandidate[],
  groupsOf: (id: string) => string[],
): Evaluation {
  interface Gold {
    kind: string;
    actorId: string;
    sourceId: string;
    start: number;
    end: number;
  }
  const goldQuotes = new Map<string, Gold>();
  for (const s of data.stances ?? []) {
    for (const e of s.evidence) {
      const start = texts.get(e.sourceId)?.indexOf(e.quote) ?? -1;
      if (start < 0) continue;
      goldQuotes.set(`${s.actorId}|${s.kind}|${e.sourceId}|${start}`, {
        kind: s.kind,
        actorId: s.actorId,
        sourceId: e.sourceId,
        start,
        end: start + e.quote.length,
      });
    }
  }
  const gold = [...goldQuotes.values()];
  const overlaps = (c: ScoredCandidate, g: Gold) => c.sourceId === g.sourceId && c.start < g.end && g.start < c.end;
  const quoteMatch = (c: ScoredCandidate, g: Gold) => c.kind === g.kind && overlaps(c, g) && sameSide(c.actorId, g.actorId, groupsOf);

  const goldTriples = new Map((data.stances ?? []).map((s) => [`${s.actorId}|${s.kind}|${s.positionId}`, s]));
  const predictedTriples = new Map(candidates.filter((c) => c.positionId).map((c) => [`${c.actorId}|${c.kind}|${c.positionId}`, c]));
  const positionMatch = (c: ScoredCandidate, g: { actorId: string; kind: string; positionId: string }) =>
    c.kind === g.kind && c.positionId === g.positionId && sameSide(c.actorId, g.actorId, groupsOf);

  const score = (kind: string | null): { quote: Score; position: Score } => {
    const of = <T extends { kind: string }>(list: readonly T[]) => (kind ? list.filter((x) => x.kind === kind) : [...list]);
    const cs = of(candidates);
    const gs = of(gold);
    const correct = cs.filter((c) => gs.some((g) => quoteMatch(c, g))).length;
    const found = gs.filter((g) => cs.some((c) => quoteMatch(c, g))).length;
    const pt = of([...predictedTriples.values()]);
    const gt = of([...goldTriples.values()]);
    const pCorrect = pt.filter((c) => gt.some((g) => positionMatch(c, g))).length;
    const pFound = gt.filter((g) => pt.some((c) => positionMatch(c, g))).length;
    const label = kind ?? 'overall';
    return {
      quote: { kind: label, predicted: cs.length, correct, gold: gs.length, found, precision: ratio(correct, cs.length), recall: ratio(found, gs.length) },
      position: {
        kind: label,
        predicted: pt.length,
        correct: pCorrect,
        gold: gt.length,
        found: pFound,
        precision: ratio(pCorrect, pt.length),
        recall: ratio(pFound, gt.length),
      },
    };
  };
  const rows = [...KINDS.map((k) => score(k)), score(null)];
  return { quote: rows.map((r) => r.quote), position: rows.map((r) => r.position) };
}

/** The evaluation as a Markdown table (what the README shows). */
export function formatEvaluation(e: Evaluation): string[] {
  const lines = ['| measure | kind | candidates | correct | precision | curated | found | recall |', '|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const [name, rows] of [
    ['(actor, kind, quote)', e.quote],
    ['(actor, kind, position)', e.position],
  ] as const) {
    for (const r of rows)
      lines.push(`| ${name} | ${r.kind} | ${r.predicted} | ${r.correct} | ${r.precision.toFixed(2)} | ${r.gold} | ${r.found} | ${r.recall.toFixed(2)} |`);
  }
  return lines;
}

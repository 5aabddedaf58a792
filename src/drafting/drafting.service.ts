/**
 * `draftStances`: reads a source's text and returns stance candidates for an analyst to
 * accept, edit or dismiss. It never writes: accepting goes through the curation mutations.
 * Steps: the graph's actors and meetings (one read), the language work (in process, on
 * wink-nlp), then the best existing positions for every candidate (one full-text read).
 */
import type { Executor } from '../db/executor.js';
import { AppError, badUserInput, ErrorCode } from '../errors/errors.js';
import { type Props, toPosition } from '../shared/mapping.js';
import type { Position } from '../positions/position.type.js';
import { codesOf, suggestedPositionType } from './codes.js';
import { type DraftCandidate, draftFromSentences } from './draft.js';
import { analyseInPieces } from './nlp.js';
import { findDraftingContext, matchPositions } from './drafting.repository.js';
import type { DraftedStance, StanceDraft } from './drafting.type.js';

export interface DraftOptions {
  /** Candidates below this confidence are left out (0..1). */
  minConfidence: number;
  /** Positions suggested per candidate. */
  positionsPerCandidate: number;
}

/** Below this full-text score the best position is likely not the one meant: suggest a new one. */
export const NEW_POSITION_BELOW = 2;

/** Lucene query over position titles and summaries from the candidate's words. */
export function positionQuery(words: string): string | null {
  const terms = words
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !/^(and|or|not|to)$/i.test(w))
    .slice(0, 24);
  if (terms.length === 0) return null;
  const list = terms.join(' ');
  return `title:(${list})^2 OR summary:(${list})`;
}

export async function draftStances(executor: Executor, sourceId: string, options: DraftOptions): Promise<StanceDraft> {
  if (!(options.minConfidence >= 0 && options.minConfidence <= 1)) throw badUserInput('minConfidence', `must be between 0 and 1, got ${options.minConfidence}`);
  const context = await findDraftingContext(executor, sourceId);
  if (!context) throw new AppError(ErrorCode.NOT_FOUND, `Argument "sourceId": there is no source with id "${sourceId}"`, { argument: 'sourceId' });
  const text = context.source.text;
  if (!text)
    throw badUserInput('sourceId', `source "${sourceId}" has no text to read; store it first (setSourceText, createSource with text, or npm run ingest)`);
  const sentences = await analyseInPieces(text);
  const drafted = draftFromSentences(sentences, {
    text,
    actors: context.actors,
    memberships: context.memberships,
    meetings: context.meetings,
    publishedAt: context.source.publishedAt,
  }).filter((c) => c.confidence >= options.minConfidence);
  const queries = drafted.flatMap((c, i) => {
    const query = positionQuery(c.positionQuery);
    return query ? [{ key: String(i), query }] : [];
  });
  const hits = await matchPositions(executor, queries, options.positionsPerCandidate);
  const positionIds = [...new Set([...hits.values()].flat().map((h) => h.id))];
  const rows = positionIds.length > 0 ? await executor.read('positions/find-positions-by-ids', { ids: positionIds }) : [];
  const positions = new Map(rows.map((r) => toPosition(r['position'] as Props)).map((p) => [p.id, p]));
  return {
    sourceId,
    candidates: drafted.map((c, i) => toDrafted(c, i, hits.get(String(i)) ?? [], positions)),
  };
}

function toDrafted(c: DraftCandidate, index: number, hits: Array<{ id: string; score: number }>, positions: Map<string, Position>): DraftedStance {
  const matches = hits.filter((h) => positions.has(h.id)).map((h) => ({ positionId: h.id, score: Math.round(h.score * 100) / 100 }));
  const best = matches[0] ? positions.get(matches[0].positionId) : undefined;
  const type = best?.type ?? suggestedPositionType(c.kind, c.cueLemma);
  const codes = codesOf(c.kind, type, best?.topics ?? []);
  return {
    id: `candidate:${c.start}-${c.kind.toLowerCase()}-${index}`,
    kind: c.kind,
    actor: c.actor,
    targets: c.targets,
    positions: matches,
    suggestedPosition: { title: c.suggestedPositionTitle, type, isLikelyNew: !best || (matches[0]?.score ?? 0) < NEW_POSITION_BELOW },
    meetingId: c.meetingId,
    date: c.date,
    quote: c.quote,
    start: c.start,
    end: c.end,
    cue: c.cue,
    attribution: c.attribution,
    confidence: c.confidence,
    plover: codes.plover,
    cameo: codes.cameo,
  };
}

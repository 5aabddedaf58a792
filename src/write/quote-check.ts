/**
 * Checks evidence quotes against the text of their source: a quote must occur in the text
 * verbatim, character for character (the rule seed/README.md sets for the seed files). When
 * it does not, the problem names the quote and the passage of the text nearest to it, so the
 * curator sees at once whether a quote mark, a dash or a word differs. Pure; unit tested.
 */
import { foldText } from '../shared/text.js';

export interface QuoteSpan {
  /** Offset of the quote's first character, in UTF-16 code units (JavaScript string indices). */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** Where a quote stands in a text (its first occurrence), or null when it is not there verbatim. */
export function locateQuote(text: string, quote: string): QuoteSpan | null {
  if (quote.length === 0) return null;
  const start = text.indexOf(quote);
  return start < 0 ? null : { start, end: start + quote.length };
}

/** The passages a text is cut into to find the one nearest a quote: sentences and lines. */
export function passagesOf(text: string): Array<QuoteSpan & { passage: string }> {
  const out: Array<QuoteSpan & { passage: string }> = [];
  const boundary = /[.!?…]["”’)]*(?=\s)|\n/g;
  let from = 0;
  const push = (end: number): void => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const passage = raw.trim();
    if (passage.length > 0) out.push({ start: from + lead, end: from + lead + passage.length, passage });
  };
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    push(end);
    from = end;
  }
  push(text.length);
  return out;
}

const wordsOf = (text: string): string[] => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Quote marks, dashes and spaces folded: what a copy from another program tends to change. */
function foldPunctuation(text: string): string {
  return text
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .normalize('NFC');
}

/**
 * The passage of the text most like the quote (by shared words), or null for an empty text.
 * Also says whether the quote only differs in quote marks, dashes or spacing.
 */
export function nearestPassage(text: string, quote: string): { passage: string; start: number; end: number; punctuationOnly: boolean } | null {
  const wanted = new Set(wordsOf(quote));
  let best: (QuoteSpan & { passage: string; score: number }) | null = null;
  const passages = passagesOf(text);
  passages.forEach((p, i) => {
    // A quote may run over two sentences: score each passage alone and with the next one.
    const next = passages[i + 1];
    for (const candidate of next ? [p, { start: p.start, end: next.end, passage: text.slice(p.start, next.end) }] : [p]) {
      const words = new Set(wordsOf(candidate.passage));
      let shared = 0;
      for (const word of wanted) if (words.has(word)) shared += 1;
      const score = (2 * shared) / (wanted.size + words.size || 1);
      if (!best || score > best.score) best = { ...candidate, score };
    }
  });
  if (!best) return null;
  const found: QuoteSpan & { passage: string; score: number } = best;
  const passage = found.passage.length > 400 ? `${found.passage.slice(0, 400)}…` : found.passage;
  return { passage, start: found.start, end: found.end, punctuationOnly: foldPunctuation(text).includes(foldPunctuation(quote)) };
}

export interface QuoteToCheck {
  /** Where the quote stands in the input, e.g. "input.evidence[0].quote" or "$.stances[3].evidence[0].quote". */
  field: string;
  sourceId: string;
  quote: string;
}

export interface QuoteProblem {
  field: string;
  message: string;
  sourceId: string;
  quote: string;
  nearestPassage: string | null;
}

/**
 * Every quote whose source has a text but that does not occur in it verbatim. Sources
 * without a text (absent from `texts`) are not checked: they keep working as before.
 */
export function verifyQuotes(quotes: readonly QuoteToCheck[], texts: ReadonlyMap<string, string>): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  for (const { field, sourceId, quote } of quotes) {
    const text = texts.get(sourceId);
    if (text === undefined || locateQuote(text, quote)) continue;
    const near = nearestPassage(text, quote);
    const hint = near?.punctuationOnly
      ? ' It differs only in quote marks, dashes or spaces: copy them from the text.'
      : near
        ? ` The nearest passage is: "${near.passage}"`
        : '';
    problems.push({
      field,
      sourceId,
      quote,
      nearestPassage: near?.passage ?? null,
      message: `does not occur verbatim in the text of source "${sourceId}": "${quote}".${hint}`,
    });
  }
  return problems;
}

/** A stored quote that a new text lacks, with the passage of the new text nearest to it. */
export function lostQuoteMessage(sourceId: string, item: string, quote: string, text: string, inWhat = 'this import'): string {
  const near = nearestPassage(text, quote);
  const hint = near?.punctuationOnly
    ? ' It differs only in quote marks, dashes or spaces.'
    : near
      ? ` The nearest passage of the new text is: "${near.passage}".`
      : '';
  return `gives source "${sourceId}" a new text that does not contain the quote ${item} holds from it in the graph: "${quote}".${hint} Give ${item} its quote from the new text in ${inWhat}, or keep a text that contains it`;
}

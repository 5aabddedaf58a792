/**
 * Text helpers shared by the loader (which stores folded keys) and the resolvers (which fold
 * what users type), so "Erdogan" matches "Erdoğan" and "ciragan" matches "Çırağan".
 */

/** Lower-case, accent-free form of a text, for matching names regardless of diacritics. */
export function foldText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      // Letters that NFKD does not decompose into base + mark.
      .replace(/ı/g, 'i')
      .replace(/İ/g, 'I')
      .replace(/[øØ]/g, 'o')
      .replace(/[łŁ]/g, 'l')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The searchable key of a node: its name or title and its aliases, folded. */
export function searchKeyOf(...parts: Array<string | null | undefined | readonly string[]>): string {
  return parts
    .flat()
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map(foldText)
    .join(' | ');
}

/** Lucene query syntax characters; escaped so user text is searched for, not parsed. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/]|&&|\|\|/g;
const LUCENE_OPERATORS = /\b(AND|OR|NOT|TO)\b/g;
/** The characters of search terms kept (see toFullTextQuery); short of Lucene's clause limit. */
export const MAX_QUERY_TERM_CHARS = 200;

/**
 * Turns free text into a safe full-text query: every term is escaped and matched as a term
 * (all terms must occur), so `"AND ( ceasefire"` searches for the word ceasefire instead of
 * failing to parse. Returns undefined when nothing searchable is left.
 */
export function toFullTextQuery(text: string): string | undefined {
  const terms = text
    .replace(LUCENE_SPECIAL, ' ')
    .replace(LUCENE_OPERATORS, (word) => word.toLowerCase())
    .split(/\s+/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0 && !/^(and|or|not|to)$/.test(term));
  if (terms.length === 0) return undefined;
  const kept = withinTermBudget(terms);
  // Prefix match on the last term so typing "cease" already finds "ceasefire".
  return kept.map((term, i) => (i === kept.length - 1 && term.length >= 3 ? `+(${term} OR ${term}*)` : `+${term}`)).join(' ');
}

/**
 * The leading terms within MAX_QUERY_TERM_CHARS characters. Lucene refuses a query of more
 * than 1,024 clauses, and the analyzer makes a clause of every ideograph or symbol, so 500
 * characters of mixed scripts could exceed it (found by the fuzz test); terms that far into
 * a search add nothing a person typed.
 */
function withinTermBudget(terms: string[]): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const term of terms) {
    if (used + term.length > MAX_QUERY_TERM_CHARS) break;
    kept.push(term);
    used += term.length;
  }
  return kept.length > 0 ? kept : [(terms[0] ?? '').slice(0, MAX_QUERY_TERM_CHARS)];
}

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
  // Prefix match on the last term so typing "cease" already finds "ceasefire".
  return terms.map((term, i) => (i === terms.length - 1 && term.length >= 3 ? `+(${term} OR ${term}*)` : `+${term}`)).join(' ');
}

import { describe, expect, it } from 'vitest';

import { foldText, MAX_QUERY_TERM_CHARS, searchKeyOf, toFullTextQuery } from '../../src/shared/text.js';

describe('foldText', () => {
  it('folds case and accents, including Turkish letters', () => {
    expect(foldText('Erdoğan')).toBe('erdogan');
    expect(foldText('Çırağan Palace')).toBe('ciragan palace');
    expect(foldText('TÜRKİYE')).toBe('turkiye');
    expect(foldText('  Zelenskyy\n ')).toBe('zelenskyy');
  });

  it('makes search keys from names and aliases', () => {
    expect(searchKeyOf('Recep Tayyip Erdoğan', ['Erdogan', 'President of Türkiye'])).toBe('recep tayyip erdogan | erdogan | president of turkiye');
    expect(searchKeyOf('Title', null, undefined)).toBe('title');
  });
});

describe('toFullTextQuery', () => {
  it('escapes query syntax so user text is searched, not parsed', () => {
    expect(toFullTextQuery('AND ( ceasefire')).toBe('+(ceasefire OR ceasefire*)');
    expect(toFullTextQuery('"30-day" ceasefire~2 OR title:x')).toBe('+30 +day +ceasefire +2 +title +x');
  });

  it('requires every term and prefix-matches the last one', () => {
    expect(toFullTextQuery('prisoner exch')).toBe('+prisoner +(exch OR exch*)');
  });

  it('keeps only the leading terms within the character budget, so Lucene never sees more than its 1,024 clauses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `仰乡亯${i}и`);
    const query = toFullTextQuery(words.join(' ')) as string;
    // "+a +b +(c OR c*)" → a, b, c
    const terms = query
      .replace(/ OR [^)]*\)$/, '')
      .split(' ')
      .map((term) => term.replace(/^\+\(?/, ''));
    expect(terms.join('').length).toBeLessThanOrEqual(MAX_QUERY_TERM_CHARS);
    expect(query.startsWith(`+${words[0]} +${words[1]} `)).toBe(true);
    expect(toFullTextQuery('x'.repeat(450))).toBe(`+(${'x'.repeat(MAX_QUERY_TERM_CHARS)} OR ${'x'.repeat(MAX_QUERY_TERM_CHARS)}*)`);
  });

  it('returns undefined when nothing searchable is left', () => {
    expect(toFullTextQuery('  ( ) AND OR ')).toBeUndefined();
    expect(toFullTextQuery('')).toBeUndefined();
  });
});

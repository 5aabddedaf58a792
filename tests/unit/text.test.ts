import { describe, expect, it } from 'vitest';

import { foldText, searchKeyOf, toFullTextQuery } from '../../src/shared/text.js';

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

  it('returns undefined when nothing searchable is left', () => {
    expect(toFullTextQuery('  ( ) AND OR ')).toBeUndefined();
    expect(toFullTextQuery('')).toBeUndefined();
  });
});

/**
 * A small seeded random source for the fuzz test: every request is generated from
 * (seed, index) alone, so one failing request can be regenerated without replaying the run.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Request `index` of run `seed` gets its own stream, independent of the others. */
  static forRequest(seed: number, index: number): Rng {
    // Mix the two numbers so neighbouring indexes do not get similar streams.
    let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
    return new Rng(h ^ (h >>> 16));
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: [[weight, value], ...]. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [w, value] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return (choices.at(-1) as readonly [number, T])[1];
  }

  /** Up to `max` distinct items, in random order. */
  some<T>(items: readonly T[], max: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, this.int(1, Math.max(1, Math.min(max, copy.length))));
  }
}

/** Ids that exist in the seed, so generated reads find something as often as nothing. */
export const SEED_IDS = [
  'actor:russia',
  'actor:ukraine',
  'actor:vladimir-medinsky',
  'actor:rustem-umerov',
  'actor:turkiye',
  'meeting:istanbul-2025-05-16',
  'meeting:istanbul-2025-06-02',
  'position:unconditional-30-day-ceasefire',
  'stance:russia-rejected-unconditional-30-day-ceasefire',
  'source:rbc-ukraine-2025-06-02',
];

/**
 * Search and filter text a hostile or unlucky client sends: Lucene syntax (the full-text
 * index parses it), regular-expression and wildcard syntax, quotes and escapes, Cypher and
 * injection attempts, unicode (combining marks, right-to-left, emoji, lone surrogates,
 * zero-width and control characters), empty and very long strings.
 */
export const NASTY_STRINGS = [
  '',
  ' ',
  'medinsky',
  'Erdoğan',
  'Türkiye',
  'ceasefire AND NOT prisoners',
  'title:ceasefire^4 OR summary:"30 day"~3',
  'cease*',
  '*',
  '?',
  '*:*',
  '+-&&||!(){}[]^"~*?:\\/',
  '"unbalanced',
  '(((((((((',
  ')))',
  '[a TO z]',
  '{* TO *}',
  '/.*/',
  '/[a-z]{1,1000}(a+)+$/',
  'a~2',
  'AND',
  'OR OR OR',
  'NOT',
  '\\',
  '\\\\\\',
  "'; DROP TABLE actors; --",
  '") RETURN 1 //',
  '$id',
  '${process.env}',
  '<script>alert(1)</script>',
  '%00%ff',
  '\u0000',
  '\u0007\u001b[31m',
  '\u200b\u200d\ufeff',
  '\u202eevil',
  'é', // e + combining acute
  'ＡＢＣ',
  'Мединский',
  'مفاوضات',
  '谈判',
  '🕊️🇺🇦🇷🇺',
  '\ud800',
  '\udfff\ud800',
  'a'.repeat(1000),
  'ceasefire '.repeat(300),
  '*'.repeat(500),
  '('.repeat(2000),
];

/** A random string: from the list above, or random code points (never a line of our Cypher). */
export function randomString(rng: Rng): string {
  if (rng.chance(0.6)) return rng.pick(NASTY_STRINGS);
  const length = rng.weighted([
    [6, rng.int(0, 12)],
    [3, rng.int(13, 200)],
    [1, rng.int(201, 5000)],
  ]);
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0x00, 0x1f],
    [0xa0, 0x24f],
    [0x400, 0x4ff],
    [0x4e00, 0x4fff],
    [0x1f300, 0x1f64f],
    [0xd800, 0xdfff],
  ];
  let text = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = rng.pick(ranges);
    text += String.fromCodePoint(rng.int(lo, hi));
  }
  return text;
}

/** Integers at and around every boundary a page, limit or count can hit. */
export const EXTREME_INTS = [0, 1, -1, 2, 49, 50, 51, 199, 200, 201, 999, 1000, 1001, 99_999, 100_000, 100_001, 2 ** 31 - 1, -(2 ** 31), 2 ** 31 - 2];

/** Values GraphQL's Int cannot hold, for variables (JSON numbers) where coercion must refuse them. */
export const NON_INTS: unknown[] = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, 1.5, -0.0001, Number.MAX_SAFE_INTEGER + 2, '1', 'NaN', null, true, [], {}];

export function randomInt(rng: Rng): number {
  return rng.chance(0.7) ? rng.pick(EXTREME_INTS) : rng.int(-1000, 5000);
}

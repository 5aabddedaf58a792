/**
 * Finding actors in a sentence: the graph's actors by name and alias (case- and
 * accent-insensitive, whole words), their demonyms where the graph has a "<Demonym>
 * delegation" that belongs to a state ("the Russians", "Ukrainian officials"), collective
 * expressions for the parties ("both sides", "the two delegations"), pronouns, and names the
 * graph does not know yet (proper nouns in subject position) with a suggested kind. Pure.
 */
import { foldText } from '../shared/text.js';
import type { Token } from './nlp.js';

export interface KnownActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  /** Words for its people ("Armenian"): "Armenian negotiators", "the Armenians" name the state. */
  demonyms?: string[];
}

export interface Membership {
  memberId: string;
  groupId: string;
}

export type MentionHow = 'name' | 'demonym' | 'parties' | 'pronoun' | 'new';

export interface Mention {
  /** Character offsets in the sentence's text. */
  start: number;
  end: number;
  how: MentionHow;
  /** Known actors this mention stands for (several for "both sides"); empty for a new name. */
  actorIds: string[];
  /** For a new name: the name and a suggested kind. */
  name?: string;
  suggestedKind?: string;
  /** For a pronoun: its lower-case form. */
  pronoun?: string;
}

interface NameEntry {
  actorIds: string[];
  how: MentionHow;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrases a report uses for "the two parties" of a bilateral negotiation. */
const PARTIES =
  /\b(both sides|the two sides|both parties|the parties|the two parties|both delegations|the two delegations|the delegations|both countries|the two countries|both governments|the two governments|the sides)\b/g;
const PRONOUNS = /\b(he|she|they|it|we|i)\b/g;

export class ActorGazetteer {
  /** Every name, alias and demonym in one alternation (longest first), so a sentence is scanned once. */
  private readonly names: RegExp | null;
  private readonly entries = new Map<string, NameEntry>();
  private readonly byId = new Map<string, KnownActor>();
  private readonly groups = new Map<string, string[]>();

  constructor(
    actors: readonly KnownActor[],
    memberships: readonly Membership[],
    /** The two (or more) parties of the talks, for "both sides". */
    private readonly parties: string[] = [],
  ) {
    for (const actor of actors) this.byId.set(actor.id, actor);
    for (const m of memberships) this.groups.set(m.memberId, [...(this.groups.get(m.memberId) ?? []), m.groupId]);
    const names: Array<{ text: string; actorId: string; how: MentionHow }> = [];
    for (const actor of actors) {
      for (const name of [actor.name, ...actor.aliases]) if (foldText(name).length >= 2) names.push({ text: foldText(name), actorId: actor.id, how: 'name' });
      // "Russian delegation" of a state gives the demonym "Russian(s)" for that state.
      const demonym = /^(?:the )?([a-z]+(?:an|ian|ish|ese|i|ic))(?: delegation| side)$/.exec(foldText(actor.name));
      const state = this.groupOfKind(actor.id, 'STATE');
      if (demonym?.[1] && state) {
        names.push({ text: demonym[1], actorId: state, how: 'demonym' });
        names.push({ text: `${demonym[1]}s`, actorId: state, how: 'demonym' });
      }
      for (const word of actor.demonyms ?? []) {
        const text = foldText(word);
        if (text.length >= 3) names.push({ text, actorId: actor.id, how: 'demonym' }, { text: `${text}s`, actorId: actor.id, how: 'demonym' });
      }
    }
    for (const n of names) if (!this.entries.has(n.text)) this.entries.set(n.text, { actorIds: [n.actorId], how: n.how });
    // Longest first, so "Russian delegation" wins over "Russian" where both start.
    const bodies = [...this.entries.keys()].sort((a, b) => b.length - a.length).map(escape);
    this.names = bodies.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${bodies.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  }

  actor(id: string): KnownActor | undefined {
    return this.byId.get(id);
  }

  /** The actor's groups, transitively (person → delegation → state). */
  groupsOf(id: string): string[] {
    const out: string[] = [];
    const queue = [...(this.groups.get(id) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (out.includes(next)) continue;
      out.push(next);
      queue.push(...(this.groups.get(next) ?? []));
    }
    return out;
  }

  groupOfKind(id: string, kind: string): string | undefined {
    return this.groupsOf(id).find((g) => this.byId.get(g)?.kind === kind);
  }

  /** Known actors, demonyms, "both sides", pronouns and unknown names in a sentence. */
  mentions(sentenceText: string, tokens: readonly Token[], sentenceStart: number): Mention[] {
    const folded = foldText(sentenceText.replace(/\s/g, ' '));
    // foldText keeps one character per character for these texts except dropped marks; work on
    // a same-length fold so offsets stay those of the sentence.
    const same = sameLengthLower(sentenceText);
    const found: Mention[] = [];
    const taken: boolean[] = [];
    const take = (start: number, end: number): boolean => {
      for (let i = start; i < end; i += 1) if (taken[i]) return false;
      for (let i = start; i < end; i += 1) taken[i] = true;
      return true;
    };
    if (folded.length > 0 && this.names) {
      for (const m of same.matchAll(this.names)) {
        const entry = this.entries.get(m[0].replace(/\s+/g, ' '));
        if (entry && take(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, how: entry.how, actorIds: entry.actorIds });
      }
    }
    for (const m of same.matchAll(PARTIES))
      if (take(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, how: 'parties', actorIds: [...this.parties] });
    for (const m of same.matchAll(PRONOUNS)) {
      if (take(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, how: 'pronoun', actorIds: [], pronoun: m[0] });
    }
    found.push(...newNames(sentenceText, tokens, sentenceStart, take));
    return found.sort((a, b) => a.start - b.start);
  }
}

/** Lower case with accents folded, one code unit for one, so offsets are kept. */
function sameLengthLower(text: string): string {
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const folded = base === 'ı' ? 'i' : base;
    out += folded.length === char.length ? folded : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
  }
  return out;
}

const TITLES = new Set([
  'president',
  'minister',
  'secretary',
  'ambassador',
  'envoy',
  'chancellor',
  'premier',
  'king',
  'prince',
  'general',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'negotiator',
  'aide',
  'adviser',
  'advisor',
  'mediator',
  'chief',
  'head',
  'leader',
  'senator',
  'governor',
  'mayor',
  'commissioner',
]);
const ORGANIZATION_WORDS =
  /\b(union|council|organi[sz]ation|ministry|department|committee|commission|agency|court|alliance|nations|bank|fund|movement|party|front|army|forces|league|office)\b/i;
/** Capitalised words that start sentences or name months and days, not actors. */
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'meanwhile',
  'however',
  'according',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'as',
  'while',
  'if',
  'when',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Runs of proper nouns the gazetteer did not match, as new actors with a suggested kind. */
function newNames(sentenceText: string, tokens: readonly Token[], sentenceStart: number, take: (s: number, e: number) => boolean): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.pos !== 'PROPN' || NOT_NAMES.has(token.normal) || !/^\p{Lu}/u.test(token.value)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && (tokens[j + 1] as Token).pos === 'PROPN' && /^\p{Lu}/u.test((tokens[j + 1] as Token).value)) j += 1;
    // "Foreign Minister Anna Keller": the name starts after the last title word.
    let first = i;
    for (let k = i; k <= j; k += 1) if (TITLES.has((tokens[k] as Token).normal)) first = k + 1;
    const titled = first > i || (tokens[i - 1] !== undefined && TITLES.has((tokens[i - 1] as Token).normal));
    if (first > j) {
      i = j + 1;
      continue;
    }
    const start = (tokens[first] as Token).start - sentenceStart;
    const end = (tokens[j] as Token).end - sentenceStart;
    const name = sentenceText.slice(start, end);
    i = first;
    // A single capitalised word is too often a place: keep it with a title, or as the subject
    // of a verb ("Lavrov said", "Hamas rejected"). States are known by name (countries.ts), so
    // a lone subject is a person's surname or, spelt as an acronym, an organisation.
    const subject = j === i && /^(VERB|AUX)$/.test(tokens[j + 1]?.pos ?? '');
    const acronym = j === i && /^\p{Lu}{2,}$/u.test(name);
    const kind = ORGANIZATION_WORDS.test(name) || acronym ? 'ORGANIZATION' : 'PERSON';
    if ((j > i || titled || subject) && take(start, end)) out.push({ start, end, how: 'new', actorIds: [], name, suggestedKind: kind });
    i = j + 1;
  }
  return out;
}

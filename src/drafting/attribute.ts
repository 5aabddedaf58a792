/**
 * Who takes the stance a cue marks. News sentences rarely put the actor right before the verb
 * in a simple way, so the rules follow how reports are written:
 * - reported speech: "Medinsky said Moscow had proposed X" is Moscow's proposal (the nearest
 *   actor before the cue in its clause, not the speaker), while '"We proposed X," Umerov said'
 *   is the speaker's (the first person inside the quote marks);
 * - coordination and collectives: "Russia and Ukraine agreed", "both sides agreed";
 * - passives: "X was rejected by Kyiv"; possessives: "Kyiv's proposal";
 * - pronouns ("he", "they") refer to the last matching actor of the previous sentences;
 * - "according to X" attributes a sentence that names no actor before its cue.
 * Pure; unit tested.
 */
import type { ActorGazetteer, Mention } from './actors.js';
import type { CueMatch } from './cues.js';
import type { Sentence, Token } from './nlp.js';

export interface Attribution {
  mentions: Mention[];
  /** How the actor was found, shown to the analyst and used in the confidence. */
  how: 'direct' | 'coordinated' | 'parties' | 'speaker' | 'pronoun' | 'passive' | 'possessive' | 'according-to';
  factor: number;
}

const PREPOSITIONS = new Set([
  'to',
  'with',
  'from',
  'for',
  'against',
  'of',
  'on',
  'over',
  'between',
  'into',
  'at',
  'toward',
  'towards',
  'about',
  'in',
  'among',
  'than',
]);
const SPEECH = new Set([
  'say',
  'state',
  'tell',
  'announce',
  'note',
  'add',
  'report',
  'confirm',
  'claim',
  'stress',
  'emphasize',
  'emphasise',
  'explain',
  'declare',
  'assure',
  'reiterate',
  'warn',
  'acknowledge',
  'write',
  'insist',
  'remark',
  'recall',
  'argue',
  'indicate',
  'clarify',
  'tell',
]);
const QUOTE_MARKS = /["“”«»]/;

/** Tracks the last actors named, for pronouns in later sentences. */
export class Discourse {
  lastPerson: Mention | undefined;
  lastGroup: Mention | undefined;

  constructor(private readonly gazetteer: ActorGazetteer) {}

  /** The actors of a sentence's stances are what its pronouns most likely refer to next. */
  rememberSubjects(mentions: readonly Mention[]): void {
    this.remember(mentions);
  }

  remember(mentions: readonly Mention[]): void {
    for (const m of mentions) {
      if (m.how === 'pronoun' || m.how === 'parties') continue;
      const kind = m.actorIds.length === 1 ? this.gazetteer.actor(m.actorIds[0] as string)?.kind : m.suggestedKind;
      if (kind === 'PERSON') this.lastPerson = m;
      else if (m.actorIds.length > 0 || m.how === 'new') this.lastGroup = m;
    }
  }

  resolve(pronoun: string): Mention | undefined {
    if (pronoun === 'he' || pronoun === 'she') return this.lastPerson;
    if (pronoun === 'they' || pronoun === 'it') return this.lastGroup;
    return undefined;
  }
}

const tokenAt = (sentence: Sentence, offset: number): number => sentence.tokens.findIndex((t) => t.start - sentence.start >= offset);

/** Is this offset inside quotation marks of the sentence? */
function insideQuotes(text: string, offset: number): boolean {
  let open = false;
  for (let i = 0; i < offset; i += 1) if (QUOTE_MARKS.test(text[i] as string)) open = !open;
  return open;
}

/** The speaker of a sentence: "…," X said / said X / X said that / according to X. */
function speakerOf(sentence: Sentence, mentions: readonly Mention[], discourse?: Discourse): Mention | undefined {
  const found = rawSpeakerOf(sentence, mentions);
  if (found?.how === 'pronoun') return discourse?.resolve(found.pronoun ?? '');
  return found;
}

function rawSpeakerOf(sentence: Sentence, mentions: readonly Mention[]): Mention | undefined {
  const tokens = sentence.tokens;
  for (const mention of mentions) {
    if (mention.how === 'pronoun' && !['he', 'she', 'they'].includes(mention.pronoun ?? '')) continue;
    const first = tokenAt(sentence, mention.start);
    const last = tokenAt(sentence, mention.end);
    const after = last >= 0 ? tokens.slice(last, last + 3) : [];
    const before = first > 0 ? tokens.slice(Math.max(0, first - 2), first) : [];
    if (after.some((t) => SPEECH.has(t.lemma)) || before.some((t) => SPEECH.has(t.lemma) && t.pos === 'VERB')) return mention;
    if (before.some((t) => t.normal === 'according')) return mention;
  }
  return undefined;
}

/** The mentions coordinated with `head` just before it: "Russia and Ukraine", "X, Y and Z". */
function coordinated(sentence: Sentence, mentions: readonly Mention[], head: Mention): Mention[] {
  const group = [head];
  let current = head;
  for (;;) {
    const index = mentions.indexOf(current);
    const previous = mentions[index - 1];
    if (!previous || previous.how === 'pronoun') break;
    const between = sentence.text.slice(previous.end, current.start).trim();
    if (!/^(,|and|, and|&)$/.test(between)) break;
    group.unshift(previous);
    current = previous;
  }
  return group;
}

function resolveMention(m: Mention, discourse: Discourse, sentence: Sentence, mentions: readonly Mention[]): Mention | undefined {
  if (m.how !== 'pronoun') return m;
  const others = mentions.filter((x) => x !== m);
  if (m.pronoun === 'we' || m.pronoun === 'i') {
    // First person is the one quoted: the speaker of this sentence, or of a quote that runs on.
    return speakerOf(sentence, others, discourse) ?? (m.pronoun === 'i' ? discourse.lastPerson : discourse.lastGroup);
  }
  // "Kyiv said it would…", "Umerov said he…": a pronoun right after a verb of saying is its speaker.
  const first = tokenAt(sentence, m.start);
  const previous = sentence.tokens.slice(Math.max(0, first - 2), first);
  if (previous.some((t) => SPEECH.has(t.lemma))) {
    const speaker = speakerOf(sentence, others, discourse);
    if (speaker && speaker.start < m.start) return speaker;
  }
  return discourse.resolve(m.pronoun ?? '');
}

/** The actor(s) of a cue in a sentence, or null when no actor can be told. */
export function attribute(sentence: Sentence, cue: CueMatch, mentions: readonly Mention[], discourse: Discourse): Attribution | null {
  const tokens = sentence.tokens;
  const cueStart = (tokens[cue.from] as Token).start - sentence.start;
  const cueEnd = (tokens[cue.to - 1] as Token).end - sentence.start;
  const cueToken = tokens[cue.from] as Token;
  // A noun cue ("Kyiv's proposal") needs its own actor; adjectives and phrases ("ready to
  // discuss", "unacceptable") are predicates of the clause's subject, like verbs.
  const isNoun = ['NOUN', 'PROPN'].includes(cueToken.pos) && cue.to - cue.from === 1;

  // An obligation in reported speech ("X said any deal must…") is the speaker's demand.
  if (cue.speaker) {
    const speaker = speakerOf(sentence, mentions, discourse);
    return speaker ? { mentions: [speaker], how: 'speaker', factor: 0.8 } : null;
  }

  // Possessive: "Kyiv's proposal", "Russia’s memorandum demands", when it is the clause's subject.
  const possessive = mentions.find((m) => m.end <= cueStart && /^['’]s?\s/.test(sentence.text.slice(m.end, cueStart)) && cueStart - m.end < 25);
  if (isNoun && possessive) {
    const first = tokenAt(sentence, possessive.start);
    if (tokens.slice(0, first).some((t) => t.pos === 'VERB' || t.pos === 'ADP')) return null;
    return single(possessive, 'possessive', 0.85, discourse, sentence, mentions);
  }
  if (isNoun) {
    // "a proposal by/from X" or a light verb: "X made / put forward a proposal".
    const by = mentions.find((m) => m.start >= cueEnd && /^\s+(by|from)\s+(the\s+)?$/i.test(sentence.text.slice(cueEnd, m.start)));
    if (by) return single(by, 'passive', 0.8, discourse, sentence, mentions);
    const light = tokens.slice(Math.max(0, cue.from - 3), cue.from).some((t) => ['make', 'put', 'submit', 'present', 'reach', 'table'].includes(t.lemma));
    if (!light) return null;
  }

  // Passive: "was rejected by Kyiv", "the list handed over by Ukraine", "urged on by X".
  const passiveAux =
    cueToken.pos === 'VERB' && tokens.slice(Math.max(0, cue.from - 2), cue.from).some((t) => ['be', 'get'].includes(t.lemma)) && !/ing$/i.test(cueToken.value);
  if (passiveAux || /(ed|en|wn)$/i.test(cueToken.value)) {
    const byAt = mentions.findIndex((m) => m.start >= cueEnd && /^\s+(\S+\s+){0,2}?by\s+(the\s+)?$/i.test(sentence.text.slice(cueEnd, m.start)));
    if (byAt >= 0) {
      // The head of the agent phrase is its last name: "by U.S. President Donald Trump".
      let head = byAt;
      while (mentions[head + 1] && /^[\s\p{L}.]{0,20}$/u.test(sentence.text.slice((mentions[head] as Mention).end, (mentions[head + 1] as Mention).start)))
        head += 1;
      return single(mentions[head] as Mention, 'passive', 0.85, discourse, sentence, mentions);
    }
    if (passiveAux) return null;
  }

  // A participle clause ("…, agreeing on X", "while rejecting Y") shares the main clause's subject.
  const participle =
    /ing$/i.test(cueToken.value) && (tokens[cue.from - 1]?.pos === 'SCONJ' || tokens[cue.from - 1]?.normal === ',' || tokens[cue.from - 1]?.normal === 'while');
  const subjectZone = participle ? mentions.filter((m) => m.end <= cueStart && m === firstSubject(sentence, mentions)) : null;

  // The nearest actor before the cue that is not the object of a preposition.
  const before = subjectZone ?? mentions.filter((m) => m.end <= cueStart && !governedByPreposition(sentence, mentions, m));
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const m = before[i] as Mention;
    // "Kyiv, he said, is considering": a speaker set off between commas is not the subject.
    if (i > 0 && isParentheticalSpeaker(sentence, m)) continue;
    if (m.how === 'parties') return { mentions: [m], how: 'parties', factor: 0.85 };
    const group = coordinated(sentence, mentions, m)
      .map((x) => resolveMention(x, discourse, sentence, mentions))
      .filter((x): x is Mention => x !== undefined);
    if (group.length === 0) return null;
    if (group.length > 1) return { mentions: group, how: 'coordinated', factor: 0.9 };
    return {
      mentions: group,
      how: m.how === 'pronoun' ? (insideQuotes(sentence.text, m.start) ? 'speaker' : 'pronoun') : 'direct',
      factor: m.how === 'pronoun' ? 0.75 : m.how === 'new' ? 0.7 : 1,
    };
  }

  // No actor before the cue: the speaker of a quoted sentence, or "according to X".
  const speaker = speakerOf(sentence, mentions, discourse);
  if (speaker) return single(speaker, insideQuotes(sentence.text, cueStart) ? 'speaker' : 'according-to', 0.8, discourse, sentence, mentions);
  return null;
}

/** Is the mention the object of a preposition ("to Ukraine", "with the Russian side", "to EU and NATO")? */
function governedByPreposition(sentence: Sentence, mentions: readonly Mention[], m: Mention): boolean {
  const head = coordinated(sentence, mentions, m)[0] ?? m;
  const first = tokenAt(sentence, head.start);
  const prev = sentence.tokens[first - 1];
  const prev2 = sentence.tokens[first - 2];
  return Boolean((prev && PREPOSITIONS.has(prev.normal)) || (prev?.normal === 'the' && prev2 && PREPOSITIONS.has(prev2.normal)));
}

/** The first actor of the sentence not governed by a preposition: the main clause's subject. */
function firstSubject(sentence: Sentence, mentions: readonly Mention[]): Mention | undefined {
  return mentions.find((m) => !governedByPreposition(sentence, mentions, m) && m.how !== 'new');
}

function isParentheticalSpeaker(sentence: Sentence, m: Mention): boolean {
  const before = sentence.text.slice(0, m.start).trimEnd();
  const after = sentence.text.slice(m.end).trimStart();
  return before.endsWith(',') && /^\S+\s*,/.test(after) && SPEECH.has(sentence.tokens[tokenAt(sentence, m.end)]?.lemma ?? '');
}

function single(
  m: Mention,
  how: Attribution['how'],
  factor: number,
  discourse: Discourse,
  sentence: Sentence,
  mentions: readonly Mention[],
): Attribution | null {
  const resolved = resolveMention(m, discourse, sentence, mentions);
  if (!resolved) return null;
  return { mentions: [resolved], how: resolved.how === 'parties' ? 'parties' : how, factor: m.how === 'pronoun' ? factor * 0.85 : factor };
}

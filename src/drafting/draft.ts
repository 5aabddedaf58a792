/**
 * The pure core of the coding assistant: from a text and what the graph knows (actors,
 * memberships, meetings), the stance candidates of each sentence, with the verbatim quote,
 * its offsets, the cue and a confidence. Positions are matched afterwards, by the service,
 * against the graph's full-text index. Never writes anything. Unit tested.
 */
import { ActorGazetteer, type KnownActor, type Membership, type Mention } from './actors.js';
import { attribute, Discourse } from './attribute.js';
import { type CueKind, findCues, isStanceUse, resolveKind } from './cues.js';
import { NEW_ID, withCountries } from './countries.js';
import { analyse, type Sentence } from './nlp.js';

export interface KnownMeeting {
  id: string;
  title: string;
  date: string | null;
}

export interface CandidateActor {
  /** The graph's actor, when the name matched one. */
  actorId: string | null;
  /** As the text names it (a new actor), or the graph's name. */
  name: string;
  /** For an actor the graph does not know: PERSON, STATE, ORGANIZATION or DELEGATION. */
  suggestedKind: string | null;
  /** name, demonym, parties, pronoun or new. */
  matchedBy: string;
}

export interface DraftCandidate {
  kind: CueKind;
  actor: CandidateActor;
  targets: CandidateActor[];
  quote: string;
  start: number;
  end: number;
  cue: string;
  /** The lexicon's form of the cue, e.g. "put forward", "will return". */
  cueLemma: string;
  /** How the actor was found: direct, coordinated, parties, speaker, pronoun, passive, possessive, according-to. */
  attribution: string;
  confidence: number;
  meetingId: string | null;
  date: string | null;
  /** The words the position is searched with. */
  positionQuery: string;
  /** A title for a new position, from the words after the cue. */
  suggestedPositionTitle: string;
}

export interface DraftInput {
  text: string;
  actors: readonly KnownActor[];
  memberships: readonly Membership[];
  meetings: readonly KnownMeeting[];
  publishedAt: string | null;
}

/** Quotes follow the curation rule: one line, at most 300 characters. */
export const MAX_QUOTE = 300;
/** At most this many candidates for one text, the most confident first. */
export const MAX_CANDIDATES = 300;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const STOP = new Set(
  'the a an of to and or in on at for with by from that this these those its their his her our we they it he she is are was were be been has have had will would could should may might also as but not no than then there which who whom whose what when where while into over about after before during between both each all any some such own same other more most said says say according'.split(
    ' ',
  ),
);

/** "June 2" in a text published in 2025 is 2025-06-02. */
export function dateOf(expression: string, publishedAt: string | null): string | null {
  const match = /([a-z]+)\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([a-z]+)/i.exec(expression);
  if (!match || !publishedAt) return null;
  const monthName = (match[1] ?? match[4] ?? '').toLowerCase();
  const day = Number(match[2] ?? match[3]);
  const month = MONTHS.findIndex((m) => m.startsWith(monthName.slice(0, 3)) && monthName.length >= 3);
  if (month < 0 || day < 1 || day > 31) return null;
  return `${publishedAt.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The parties of the talks for "both sides": the two states the text names most often. */
function partiesOf(sentences: readonly Sentence[], gazetteer: ActorGazetteer): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const m of gazetteer.mentions(s.text, s.tokens, s.start)) {
      for (const id of m.actorIds) {
        const state = gazetteer.actor(id)?.kind === 'STATE' ? id : gazetteer.groupOfKind(id, 'STATE');
        if (state) counts.set(state, (counts.get(state) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 2)
    .map(([id]) => id);
}

/** The quote: the sentence, or for a long one the 300 characters around the cue, cut at words. */
function quoteOf(text: string, sentence: Sentence, cueStart: number): { quote: string; start: number; end: number } {
  if (sentence.end - sentence.start <= MAX_QUOTE) return { quote: sentence.text, start: sentence.start, end: sentence.end };
  let start = Math.max(sentence.start, cueStart - 120);
  while (start > sentence.start && /\S/.test(text[start - 1] as string)) start += 1;
  let end = Math.min(sentence.end, start + MAX_QUOTE);
  while (end < sentence.end && end > start && /\S/.test(text[end] as string)) end -= 1;
  return { quote: text.slice(start, end).trim(), start, end: start + text.slice(start, end).trim().length };
}

function newActorsOf(sentences: readonly Sentence[], gazetteer: ActorGazetteer): KnownActor[] {
  const found = new Map<string, KnownActor>();
  for (const s of sentences) {
    for (const m of gazetteer.mentions(s.text, s.tokens, s.start)) {
      if (m.how !== 'new' || !m.name || found.has(m.name)) continue;
      const surname = m.name.split(/\s+/).pop() ?? '';
      const aliases = m.suggestedKind === 'PERSON' && surname.length >= 3 && surname !== m.name ? [surname] : [];
      found.set(m.name, { id: `${NEW_ID}${m.name}`, name: m.name, kind: m.suggestedKind ?? 'PERSON', aliases });
    }
  }
  return [...found.values()];
}

function candidateActor(m: Mention, gazetteer: ActorGazetteer, actorId?: string): CandidateActor {
  const id = actorId ?? m.actorIds[0] ?? null;
  if (id?.startsWith(NEW_ID)) {
    const made = gazetteer.actor(id);
    return { actorId: null, name: made?.name ?? id.slice(NEW_ID.length), suggestedKind: made?.kind ?? null, matchedBy: 'new' };
  }
  const known = id ? gazetteer.actor(id) : undefined;
  return { actorId: id, name: known?.name ?? m.name ?? '?', suggestedKind: known ? null : (m.suggestedKind ?? null), matchedBy: m.how };
}

/** The candidates of a text, most confident first (at most MAX_CANDIDATES). */
export function draftCandidates(input: DraftInput): DraftCandidate[] {
  return draftFromSentences(analyse(input.text), input);
}

/** The same, from sentences already read (see `analyseInPieces`). */
export function draftFromSentences(sentences: readonly Sentence[], input: DraftInput): DraftCandidate[] {
  // The graph's actors, and the world's states (countries.ts): known ones get their demonyms,
  // the others come as new actors of kind STATE.
  const known = withCountries(input.actors);
  const gazetteer0 = new ActorGazetteer(known, input.memberships);
  // Names the graph does not know are remembered for the whole text, so "Foreign Minister Anna
  // Keller" in one sentence makes "Keller" in a later one the same new actor.
  const actors = [...known, ...newActorsOf(sentences, gazetteer0)];
  // "Both sides" are the two states the text names most, known to the graph or not.
  const gazetteer = new ActorGazetteer(actors, input.memberships, partiesOf(sentences, new ActorGazetteer(actors, input.memberships)));
  const discourse = new Discourse(gazetteer);
  const meetingsByDate = new Map(input.meetings.filter((m) => m.date).map((m) => [m.date as string, m]));
  const defaultMeeting = input.publishedAt ? nearestMeeting(input.meetings, input.publishedAt) : null;
  const out: DraftCandidate[] = [];

  for (const sentence of sentences) {
    const mentions = gazetteer.mentions(sentence.text, sentence.tokens, sentence.start);
    const dates = sentence.dates.map((d) => dateOf(d, input.publishedAt)).filter((d): d is string => d !== null);
    const meeting = dates.map((d) => meetingsByDate.get(d)).find((m) => m !== undefined) ?? defaultMeeting;
    const subjects: Mention[] = [];
    for (const cue of findCues(sentence.tokens)) {
      const resolved = resolveKind(cue);
      if (!resolved || !isStanceUse(sentence.tokens, cue)) continue;
      const attribution = attribute(sentence, cue, mentions, discourse);
      if (!attribution) continue;
      subjects.push(...attribution.mentions);
      const cueToken = sentence.tokens[cue.from];
      const cueStart = cueToken?.start ?? sentence.start;
      let kind = resolved.kind;
      // A commitment made together ("both sides pledged to…") is an agreement.
      const actorIds = attribution.mentions.flatMap((m) => (m.actorIds.length > 0 ? m.actorIds : [null]));
      if (cue.commitment && actorIds.length > 1 && kind === 'PROPOSED') kind = 'AGREED_TO';
      const after = sentence.text.slice((sentence.tokens[cue.to - 1]?.end ?? cueStart) - sentence.start);
      const objectWords = contentWords(after.split(/[.;:!?]|,\s+(?:and |but |while |which |who )/)[0] ?? after);
      const allWords = contentWords(sentence.text);
      const actorWords = new Set(mentions.flatMap((m) => contentWords(sentence.text.slice(m.start, m.end))));
      const queryWords = [...new Set([...objectWords, ...objectWords, ...allWords])].filter((w) => !actorWords.has(w)).slice(0, 24);
      const { quote, start, end } = quoteOf(input.text, sentence, cueStart);
      const targets = mentions
        .filter((m) => m.start >= (cueToken ? cueToken.end - sentence.start : 0) && m.actorIds.length > 0 && m.how !== 'pronoun')
        .filter((m) => !attribution.mentions.includes(m))
        .map((m) => candidateActor(m, gazetteer));
      attribution.mentions.forEach((m, i) => {
        const ids = m.actorIds.length > 0 ? m.actorIds : [undefined];
        for (const id of ids) {
          out.push({
            kind,
            actor: candidateActor(m, gazetteer, id),
            targets: targets.filter((t) => t.actorId !== id).slice(0, 5),
            quote,
            start,
            end,
            cue: sentence.text.slice(cueStart - sentence.start, (sentence.tokens[cue.to - 1]?.end ?? cueStart) - sentence.start),
            cueLemma: cue.cue,
            attribution: attribution.how,
            confidence: Math.round(resolved.strength * attribution.factor * 100) / 100,
            meetingId: meeting?.id ?? null,
            date: meeting?.date ?? dates[0] ?? input.publishedAt,
            positionQuery: queryWords.join(' '),
            suggestedPositionTitle: titleOf(after),
          });
        }
        void i;
      });
    }
    discourse.remember(mentions);
    // Pronouns in the next sentences most likely refer to who acted in this one.
    discourse.remember(subjects);
  }
  return dedupe(out)
    .sort((a, b) => b.confidence - a.confidence || a.start - b.start)
    .slice(0, MAX_CANDIDATES)
    .sort((a, b) => a.start - b.start || b.confidence - a.confidence);
}

/** One candidate per actor, kind and sentence: the most confident. */
function dedupe(candidates: DraftCandidate[]): DraftCandidate[] {
  const best = new Map<string, DraftCandidate>();
  for (const c of candidates) {
    const key = `${c.actor.actorId ?? c.actor.name}|${c.kind}|${c.start}`;
    const seen = best.get(key);
    if (!seen || c.confidence > seen.confidence) best.set(key, c);
  }
  return [...best.values()];
}

/** The meeting held on the day of publication, or in the three days before. */
function nearestMeeting(meetings: readonly KnownMeeting[], publishedAt: string): KnownMeeting | null {
  const day = Date.parse(publishedAt);
  const near = meetings
    .filter((m) => m.date && day - Date.parse(m.date) >= 0 && day - Date.parse(m.date) <= 3 * 86_400_000)
    .sort((a, b) => (b.date as string).localeCompare(a.date as string));
  return near[0] ?? null;
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

/** A short title for a new position: the words after the cue, to the end of the clause. */
function titleOf(after: string): string {
  const clause = (after.split(/[.;:!?"“”]|,\s/)[0] ?? '').trim().replace(/^(to|on|for|that)\s+/i, '');
  const words = clause.split(/\s+/).slice(0, 12).join(' ');
  return words.length > 0 ? words[0]?.toUpperCase() + words.slice(1) : '';
}

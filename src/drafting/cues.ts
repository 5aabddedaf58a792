/**
 * The cue vocabulary: how English news reports about negotiations say that someone proposed,
 * rejected, agreed to or is considering something. It is general diplomatic reporting
 * language (the verbs and phrases of wire-service copy, close to the verb dictionaries of
 * event coders such as CAMEO/PETRARCH for these event types), not phrases of any one report:
 * the assistant is meant for reports it has never seen. Matching is on lemmas, so "proposed",
 * "proposes" and "proposing" are one cue. Pure data and a pure matcher; unit tested.
 */
import type { Token } from './nlp.js';

export type CueKind = 'PROPOSED' | 'REJECTED' | 'AGREED_TO' | 'CONSIDERING';

export interface CueEntry {
  /** Lemmas in order; "_" matches any one word between (e.g. "put _ forward"). */
  words: string[];
  kind: CueKind;
  /** How surely the phrase marks this kind of stance, 0..1. */
  strength: number;
  /** A commitment ("pledge to", "vow to"): an agreement when several actors make it together. */
  commitment?: boolean;
  /** Matches only where the tagger saw a verb at the first word (so "an offer" is not "to offer"). */
  verb?: boolean;
}

const entry = (phrase: string, kind: CueKind, strength: number, extra: Partial<CueEntry> = {}): CueEntry => ({
  words: phrase.split(' '),
  kind,
  strength,
  ...extra,
});

const verbs = (list: string, kind: CueKind, strength: number, extra: Partial<CueEntry> = {}) =>
  list.split(',').map((phrase) => entry(phrase.trim(), kind, strength, { verb: true, ...extra }));

/** The lexicon, longest phrases first where they overlap (the matcher prefers the longest). */
export const CUES: readonly CueEntry[] = [
  // Proposing, offering, demanding.
  ...verbs('propose,offer,suggest,submit,table,initiate,float,pitch,unveil,advocate,request,demand,urge,insist,seek', 'PROPOSED', 0.8),
  ...verbs('put forward,put _ forward,call for,call on,push for,press for,ask for,lay out,come up with,bring up,raise', 'PROPOSED', 0.75),
  ...verbs('present,hand over', 'PROPOSED', 0.5),
  ...verbs('pledge,promise,vow,commit,undertake,guarantee', 'PROPOSED', 0.6, { commitment: true }),
  entry('make a proposal', 'PROPOSED', 0.85),
  entry('make an offer', 'PROPOSED', 0.85),
  entry('proposal', 'PROPOSED', 0.55),
  entry('offer', 'PROPOSED', 0.5),
  entry('demand', 'PROPOSED', 0.55),
  entry('initiative', 'PROPOSED', 0.5),
  entry('call', 'PROPOSED', 0.4),
  // Rejecting.
  ...verbs('reject,refuse,dismiss,decline,oppose,veto,rebuff,spurn,denounce,condemn,repudiate,resist', 'REJECTED', 0.85),
  ...verbs('turn down,turn _ down,rule out,rule _ out,balk at,object to,say no', 'REJECTED', 0.85),
  entry('rejection', 'REJECTED', 0.7),
  entry('refusal', 'REJECTED', 0.7),
  entry('unacceptable', 'REJECTED', 0.65),
  entry('non-starter', 'REJECTED', 0.65),
  // Agreeing.
  ...verbs('agree,accept,endorse,approve,sign,ratify,adopt,consent,concur,embrace,back,support,welcome', 'AGREED_TO', 0.8),
  ...verbs('reach agreement,reach an agreement,reach a deal,strike a deal,sign off,come to terms,settle on,sign up to', 'AGREED_TO', 0.85),
  entry('agreement', 'AGREED_TO', 0.5),
  entry('deal', 'AGREED_TO', 0.4),
  entry('consensus', 'AGREED_TO', 0.5),
  // Considering: under review, hedged, not decided.
  ...verbs('consider,study,review,weigh,examine,evaluate,assess,mull,ponder,explore,contemplate,reconsider', 'CONSIDERING', 0.8),
  ...verbs('look into,think about,think over,look at,respond later', 'CONSIDERING', 0.7),
  entry('open to', 'CONSIDERING', 0.65),
  entry('ready to discuss', 'CONSIDERING', 0.65),
  entry('willing to discuss', 'CONSIDERING', 0.65),
  entry('under consideration', 'CONSIDERING', 0.75),
  entry('under review', 'CONSIDERING', 0.75),
  // Readiness: "is ready to resume talks" commits to a step.
  entry('ready to', 'AGREED_TO', 0.55, { commitment: true }),
  entry('willing to', 'AGREED_TO', 0.55, { commitment: true }),
  entry('prepared to', 'AGREED_TO', 0.55, { commitment: true }),
];

/**
 * Announced future steps: "X will release the prisoners", "the sides will set up a
 * commission". One actor announcing a step offers it (a proposal or concession); the parties
 * announcing it together have agreed to it.
 */
const FUTURE_MARKERS = new Set(['will', 'shall']);
const ACTION_VERBS = new Set(
  'return release free hand transfer exchange swap withdraw pull establish set create hold resume continue open allow lift halt stop suspend provide repatriate deliver send host'.split(
    ' ',
  ),
);
/** Modal verbs of obligation after a speech verb: "X said any deal must not reward…" is X's demand. */
const OBLIGATION = new Set(['should', 'must', 'ought']);
const SPEECH_VERBS = new Set(['say', 'state', 'stress', 'emphasize', 'emphasise', 'insist', 'argue', 'declare', 'tell', 'add', 'note', 'warn', 'reiterate']);

/** Words that turn a stance around when they stand just before its cue. */
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
/** Modal and hedging words: "may agree", "could accept", "is likely to sign". */
const HEDGES = new Set(['may', 'might', 'could', 'would', 'possibly', 'perhaps', 'likely', 'appear', 'seem']);
/** Verbs of failing or refusing that negate the cue they govern: "refused to sign", "failed to agree". */
const REFUSING = new Set(['refuse', 'decline', 'fail']);

export interface CueMatch {
  kind: CueKind;
  /** The phrase as the lexicon has it, e.g. "put forward". */
  cue: string;
  /** Token indices in the sentence (end exclusive). */
  from: number;
  to: number;
  strength: number;
  negated: boolean;
  hedged: boolean;
  commitment: boolean;
  /** The stance is the speaker's (an obligation stated in reported speech). */
  speaker?: boolean;
}

const matches = (tokens: readonly Token[], at: number, words: readonly string[]): number | null => {
  let i = at;
  for (const word of words) {
    if (word === '_') {
      i += 1;
      continue;
    }
    const token = tokens[i];
    if (!token || (token.lemma !== word && token.normal !== word)) return null;
    i += 1;
  }
  return i;
};

/** Every cue in a sentence, after negation and hedges, longest match first, never overlapping. */
export function findCues(tokens: readonly Token[]): CueMatch[] {
  const found: CueMatch[] = [];
  const taken = new Set<number>();
  const ordered = [...CUES].sort((a, b) => b.words.length - a.words.length);
  for (let at = 0; at < tokens.length; at += 1) {
    if (taken.has(at)) continue;
    for (const cue of ordered) {
      const end = matches(tokens, at, cue.words);
      if (end === null) continue;
      const first = tokens[at] as Token;
      if (cue.verb && first.pos !== 'VERB' && !(cue.words.length > 1 && first.pos === 'AUX')) continue;
      if (!cue.verb && cue.words.length === 1 && !['NOUN', 'ADJ', 'PROPN'].includes(first.pos)) continue;
      for (let i = at; i < end; i += 1) taken.add(i);
      found.push({
        kind: cue.kind,
        cue: cue.words.join(' '),
        from: at,
        to: end,
        strength: cue.strength,
        negated: false,
        hedged: false,
        commitment: cue.commitment ?? false,
      });
      break;
    }
    const token = tokens[at] as Token;
    const next = tokens[at + 1];
    const afterNext = tokens[at + 2];
    if (taken.has(at)) continue;
    if (FUTURE_MARKERS.has(token.normal)) {
      // "will unilaterally return": skip adverbs to the verb.
      const verbAt = next?.pos === 'ADV' ? at + 2 : at + 1;
      const verb = tokens[verbAt];
      if (verb && ACTION_VERBS.has(verb.lemma) && verb.pos === 'VERB' && !taken.has(verbAt)) {
        taken.add(verbAt);
        found.push({ kind: 'PROPOSED', cue: `will ${verb.lemma}`, from: at, to: verbAt + 1, strength: 0.5, negated: false, hedged: false, commitment: true });
      }
    } else if (OBLIGATION.has(token.normal) && tokens.slice(0, at).some((t) => SPEECH_VERBS.has(t.lemma) && t.pos === 'VERB')) {
      void afterNext;
      found.push({
        kind: 'PROPOSED',
        cue: token.normal,
        from: at,
        to: at + 1,
        strength: 0.55,
        negated: false,
        hedged: false,
        commitment: false,
        speaker: true,
      });
    }
  }
  found.sort((a, b) => a.from - b.from);
  for (const match of found) {
    // Look back over the auxiliaries and adverbs that sit between a negator and its verb.
    for (let i = match.from - 1; i >= Math.max(0, match.from - 4); i -= 1) {
      const token = tokens[i] as Token;
      if (NEGATORS.has(token.normal)) match.negated = !match.negated;
      else if (HEDGES.has(token.lemma) || HEDGES.has(token.normal)) match.hedged = true;
      else if (REFUSING.has(token.lemma) && match.kind !== 'REJECTED') match.negated = true;
      else if (token.normal === 'to' && i === match.from - 1) continue;
      else if (!['AUX', 'ADV', 'PART', 'PRON'].includes(token.pos)) break;
    }
  }
  // "None of the proposals were accepted": a negative subject in the cue's clause.
  for (const match of found) {
    for (let i = match.from - 1; i >= 0; i -= 1) {
      const token = tokens[i] as Token;
      if ([',', ';', 'and', 'but', 'while'].includes(token.normal)) break;
      if (['none', 'neither', 'nobody', 'nothing'].includes(token.normal)) match.negated = !match.negated;
    }
  }
  // "refused to sign", "pledged to review": the second verb carries the stance (negated by a
  // refusal); the governing one is not a stance of its own.
  return found.filter((m, i) => {
    const next = found[i + 1];
    return !(next && (tokens[m.to] as Token | undefined)?.normal === 'to' && next.from === m.to + 1 && (m.kind === 'REJECTED' || m.commitment));
  });
}

/** Cues that are not stances where they stand: "for initiating talks", "suggested that…", "to be approved by". */
export function isStanceUse(tokens: readonly Token[], match: CueMatch): boolean {
  const first = tokens[match.from] as Token;
  const previous = tokens[match.from - 1];
  const next = tokens[match.to];
  // A gerund after a preposition is a manner or purpose, not a stance ("by raising the issue").
  if (/ing$/i.test(first.value) && previous?.pos === 'ADP') return false;
  // An infinitive passive is a requirement, not someone's act ("to be approved by the council").
  if (previous?.normal === 'be' && tokens[match.from - 2]?.normal === 'to') return false;
  // "suggest/claim that…", "suggested there might…": verbs of saying, not proposing.
  if (['suggest', 'insist', 'claim'].includes(first.lemma) && next && (['that', 'there'].includes(next.normal) || next.pos === 'PRON')) return false;
  return true;
}

/**
 * What a cue says once negation and hedges are read: "did not agree" is a rejection, "has not
 * ruled out" and "may accept" are under consideration, "did not propose" says nothing.
 */
export function resolveKind(match: CueMatch): { kind: CueKind; strength: number } | null {
  let { kind, strength } = match;
  if (match.negated) {
    if (kind === 'AGREED_TO') kind = 'REJECTED';
    else if (kind === 'REJECTED') kind = 'CONSIDERING';
    else if (kind === 'CONSIDERING') kind = 'REJECTED';
    else return null;
    strength *= 0.85;
  }
  if (match.hedged) {
    if (kind === 'AGREED_TO') kind = 'CONSIDERING';
    strength *= 0.8;
  }
  return { kind, strength };
}

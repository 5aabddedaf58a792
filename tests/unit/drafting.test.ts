/**
 * The coding assistant on reports it has never seen (written for these tests, about other
 * talks than the seed's): reported speech, negation, several actors, pronouns, hedges,
 * passives, new names, and quotes that are verbatim slices of the text.
 */
import { describe, expect, it } from 'vitest';

import { codesOf } from '../../src/drafting/codes.js';
import { findCues, resolveKind } from '../../src/drafting/cues.js';
import { dateOf, type DraftCandidate, draftCandidates } from '../../src/drafting/draft.js';
import { evaluate } from '../../src/drafting/evaluate.js';
import { analyse, analyseInPieces } from '../../src/drafting/nlp.js';

const actors = [
  { id: 'actor:armenia', name: 'Armenia', kind: 'STATE', aliases: ['Yerevan'] },
  { id: 'actor:azerbaijan', name: 'Azerbaijan', kind: 'STATE', aliases: ['Baku'] },
  { id: 'actor:armenian-delegation', name: 'Armenian delegation', kind: 'DELEGATION', aliases: [] },
  { id: 'actor:azerbaijani-delegation', name: 'Azerbaijani delegation', kind: 'DELEGATION', aliases: [] },
  { id: 'actor:ararat-mirzoyan', name: 'Ararat Mirzoyan', kind: 'PERSON', aliases: ['Mirzoyan'] },
  { id: 'actor:jeyhun-bayramov', name: 'Jeyhun Bayramov', kind: 'PERSON', aliases: ['Bayramov'] },
  { id: 'actor:european-union', name: 'European Union', kind: 'ORGANIZATION', aliases: ['EU'] },
];
const memberships = [
  { memberId: 'actor:ararat-mirzoyan', groupId: 'actor:armenian-delegation' },
  { memberId: 'actor:armenian-delegation', groupId: 'actor:armenia' },
  { memberId: 'actor:jeyhun-bayramov', groupId: 'actor:azerbaijani-delegation' },
  { memberId: 'actor:azerbaijani-delegation', groupId: 'actor:azerbaijan' },
];
const meetings = [{ id: 'meeting:geneva-2025-03-14', title: 'Geneva talks', date: '2025-03-14' }];

const draft = (text: string) => draftCandidates({ text, actors, memberships, meetings, publishedAt: '2025-03-14' });
const summary = (candidates: DraftCandidate[]) => candidates.map((c) => `${c.actor.actorId ?? c.actor.name} ${c.kind}`);

describe('draftCandidates', () => {
  it('gives reported speech to the one reported, not the speaker', () => {
    const [c] = draft('Mirzoyan said Baku had proposed a border commission.');
    expect(summary(draft('Mirzoyan said Baku had proposed a border commission.'))).toEqual(['actor:azerbaijan PROPOSED']);
    expect(c?.attribution).toBe('direct');
  });

  it('gives a quoted first person to the speaker', () => {
    expect(summary(draft('"We have offered a prisoner exchange," Bayramov told reporters.'))).toEqual(['actor:jeyhun-bayramov PROPOSED']);
  });

  it('reads negation: "did not agree" and "refused to sign" are rejections, "has not ruled out" is under consideration', () => {
    expect(summary(draft('Yerevan did not agree to the new checkpoint.'))).toEqual(['actor:armenia REJECTED']);
    expect(summary(draft('Azerbaijan refused to sign the joint declaration.'))).toEqual(['actor:azerbaijan REJECTED']);
    expect(summary(draft('Armenia has not ruled out a meeting of the leaders.'))).toEqual(['actor:armenia CONSIDERING']);
  });

  it('reads hedges: "is considering", "will study" and "may accept" are under consideration', () => {
    expect(summary(draft('Baku is considering the offer.'))).toEqual(['actor:azerbaijan CONSIDERING']);
    expect(summary(draft('Armenia will study the draft treaty.'))).toEqual(['actor:armenia CONSIDERING']);
    expect(summary(draft('Azerbaijan may accept a monitoring mission.'))).toEqual(['actor:azerbaijan CONSIDERING']);
  });

  it('gives one candidate to each of several actors, named or collective', () => {
    expect(summary(draft('Armenia and Azerbaijan agreed to exchange detainees.')).sort()).toEqual(['actor:armenia AGREED_TO', 'actor:azerbaijan AGREED_TO']);
    const text = 'Armenia and Azerbaijan met in Geneva. Both sides agreed to continue the talks next month.';
    expect(summary(draft(text).filter((c) => c.quote.startsWith('Both'))).sort()).toEqual(['actor:armenia AGREED_TO', 'actor:azerbaijan AGREED_TO']);
  });

  it('resolves a pronoun to the previous sentence’s actor', () => {
    const candidates = draft('Bayramov arrived in Geneva on Friday. He proposed a new round of talks in April.');
    expect(summary(candidates)).toEqual(['actor:jeyhun-bayramov PROPOSED']);
    expect(candidates[0]?.attribution).toBe('pronoun');
  });

  it('finds the agent of a passive and the demonym of a delegation', () => {
    expect(summary(draft('The proposal was rejected by the Armenian delegation.'))).toEqual(['actor:armenian-delegation REJECTED']);
    expect(summary(draft('The Azerbaijanis proposed a joint statement.'))).toEqual(['actor:azerbaijan PROPOSED']);
  });

  it('suggests a new actor for a name the graph does not know', () => {
    const [c] = draft('Foreign Minister Anna Keller proposed a ceasefire monitoring mission.');
    expect(c?.actor).toMatchObject({ actorId: null, name: 'Anna Keller', suggestedKind: 'PERSON', matchedBy: 'new' });
  });

  it('remembers a new name for the rest of the report, so a surname alone is the same new actor', () => {
    const candidates = draft('Foreign Minister Anna Keller arrived in Geneva.\n"We have proposed a monitoring mission," Keller told reporters.');
    expect(candidates.map((c) => c.actor)).toEqual([{ actorId: null, name: 'Anna Keller', suggestedKind: 'PERSON', matchedBy: 'new' }]);
  });

  it('knows the world’s states by name and demonym when the graph knows none of the parties', () => {
    const text =
      'Ethiopia rejected the proposal for a binding agreement on the dam. Egyptian officials said they would study the draft. Both sides agreed to meet again in Cairo.';
    const candidates = draftCandidates({ text, actors: [], memberships: [], meetings: [], publishedAt: '2026-03-03' });
    expect(candidates.map((c) => `${c.actor.name} ${c.actor.suggestedKind} ${c.kind}`).sort()).toEqual([
      'Egypt STATE AGREED_TO',
      'Egypt STATE CONSIDERING',
      'Ethiopia STATE AGREED_TO',
      'Ethiopia STATE REJECTED',
    ]);
    expect(candidates.every((c) => c.actor.actorId === null && c.actor.matchedBy === 'new')).toBe(true);
  });

  it('gives a state the graph knows the demonyms of its country, and never proposes it again as new', () => {
    const serbia = [{ id: 'actor:serbia', name: 'Serbia', kind: 'STATE', aliases: [] }];
    const text = 'Serbian negotiators rejected the plan. Serbia proposed a new round of talks.';
    const candidates = draftCandidates({ text, actors: serbia, memberships: [], meetings: [], publishedAt: '2026-03-03' });
    expect(candidates.map((c) => `${c.actor.actorId} ${c.kind}`)).toEqual(['actor:serbia REJECTED', 'actor:serbia PROPOSED']);
  });

  it('takes a lone capitalised subject for a new person, or spelt as an acronym for an organisation', () => {
    const candidates = draftCandidates({
      text: 'Lavrov rejected the proposal. NATO proposed a moratorium on exercises. The talks in Geneva lasted two hours.',
      actors: [],
      memberships: [],
      meetings: [],
      publishedAt: '2026-03-03',
    });
    expect(candidates.map((c) => [c.actor.name, c.actor.suggestedKind, c.kind])).toEqual([
      ['Lavrov', 'PERSON', 'REJECTED'],
      ['NATO', 'ORGANIZATION', 'PROPOSED'],
    ]);
  });

  it('matches names without case or accents', () => {
    const people = [{ id: 'actor:recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', kind: 'PERSON', aliases: ['Erdoğan'] }];
    for (const text of ['Erdogan proposed a summit in Istanbul.', 'ERDOĞAN proposed a summit in Istanbul.'])
      expect(draftCandidates({ text, actors: people, memberships: [], meetings: [], publishedAt: '2026-03-03' }).map((c) => c.actor)).toEqual([
        { actorId: 'actor:recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', suggestedKind: null, matchedBy: 'name' },
      ]);
  });

  it('names whom a stance addresses as its targets: "urged X to", "called on X to"', () => {
    for (const text of ['Armenia urged Azerbaijan to withdraw its troops from the border.', 'Armenia called on Azerbaijan to free the detainees.']) {
      const [c, ...rest] = draft(text);
      expect(rest).toEqual([]);
      expect(c).toMatchObject({ kind: 'PROPOSED', actor: { actorId: 'actor:armenia' } });
      expect(c?.targets.map((t) => t.actorId)).toEqual(['actor:azerbaijan']);
    }
  });

  it('reads adjective and phrase cues as predicates of the subject: "is ready to discuss", "is unacceptable"', () => {
    expect(summary(draft('Baku is ready to discuss a peace treaty.'))).toEqual(['actor:azerbaijan CONSIDERING']);
  });

  it('cuts every quote verbatim from the text, within one line, with the meeting of a date the sentence names', () => {
    const text =
      'GENEVA, March 14\n\nThe EU urged both sides to reopen the border. Mirzoyan said Yerevan would consider it, and Bayramov rejected any preconditions on March 14.';
    const candidates = draft(text);
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    for (const c of candidates) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.quote).not.toContain('\n');
      expect(c.quote.length).toBeLessThanOrEqual(300);
    }
    expect(candidates.find((c) => c.kind === 'REJECTED')).toMatchObject({
      actor: { actorId: 'actor:jeyhun-bayramov' },
      meetingId: 'meeting:geneva-2025-03-14',
      date: '2025-03-14',
    });
  });

  it('says nothing about sentences without a stance', () => {
    expect(draft('The talks lasted two hours. The weather in Geneva was cold.')).toEqual([]);
  });
});

describe('cues', () => {
  it('negates a cue after "not" and a governed cue after "refuse to"', () => {
    const cues = findCues(analyse('They did not accept the plan.')[0]?.tokens ?? []);
    expect(cues.map((c) => resolveKind(c)?.kind)).toEqual(['REJECTED']);
  });

  it('reads a long text in pieces with the same sentences and offsets as in one go', async () => {
    const paragraph = 'Armenia proposed talks in Geneva on March 14. Baku said it would study the offer.\n\n';
    const text = paragraph.repeat(60);
    const strip = (sentences: ReturnType<typeof analyse>) => sentences.map((s) => [s.start, s.end, s.tokens.length, s.dates.join()]);
    const pieces = await analyseInPieces(text);
    expect(strip(pieces)).toEqual(strip(analyse(text)));
    for (const s of pieces) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads dates in the year of publication', () => {
    expect(dateOf('June 2', '2025-06-03')).toBe('2025-06-02');
    expect(dateOf('2 June', '2025-06-03')).toBe('2025-06-02');
    expect(dateOf('next week', '2025-06-03')).toBeNull();
  });
});

describe('evaluate', () => {
  it('scores by actor or its group, kind and overlapping quote', () => {
    const text = 'Armenia proposed talks. Azerbaijan rejected them.';
    const data = {
      formatVersion: 1 as const,
      dataset: { id: 'dataset:t', title: 't' },
      stances: [
        {
          id: 's1',
          kind: 'PROPOSED' as const,
          actorId: 'actor:armenia',
          positionId: 'position:talks',
          evidence: [{ sourceId: 'source:s', quote: 'Armenia proposed talks.' }],
        },
        {
          id: 's2',
          kind: 'REJECTED' as const,
          actorId: 'actor:azerbaijan',
          positionId: 'position:talks',
          evidence: [{ sourceId: 'source:s', quote: 'Azerbaijan rejected them.' }],
        },
      ],
    };
    const groups = (id: string) => (id === 'actor:armenian-delegation' ? ['actor:armenia'] : []);
    const result = evaluate(
      data,
      new Map([['source:s', text]]),
      [
        { sourceId: 'source:s', kind: 'PROPOSED', actorId: 'actor:armenian-delegation', start: 0, end: 23, positionId: 'position:talks' },
        { sourceId: 'source:s', kind: 'PROPOSED', actorId: 'actor:azerbaijan', start: 24, end: 49, positionId: null },
      ],
      groups,
    );
    const overall = result.quote.find((r) => r.kind === 'overall');
    expect(overall).toMatchObject({ predicted: 2, correct: 1, gold: 2, found: 1, precision: 0.5, recall: 0.5 });
    expect(result.position.find((r) => r.kind === 'overall')).toMatchObject({ predicted: 1, correct: 1, gold: 2, found: 1 });
  });
});

describe('codes', () => {
  // The table "Codes" in seed/README.md: the PLOVER event and the CAMEO family follow from the
  // stance kind and the position type; the topic picks the code within the family.
  it('follows the seed format’s table of codes', () => {
    expect(codesOf('PROPOSED', 'DEMAND', ['CEASEFIRE'])).toEqual({ plover: { event: 'DEMAND', mode: 'yield', context: ['ceasefire'] }, cameo: '1056' });
    expect(codesOf('PROPOSED', 'DEMAND', ['PRISONERS_AND_REMAINS']).cameo).toBe('1053');
    expect(codesOf('PROPOSED', 'DEMAND', ['PROCESS_FORMAT']).plover).toMatchObject({ event: 'DEMAND', mode: 'meet' });
    expect(codesOf('PROPOSED', 'PROPOSAL', ['CEASEFIRE'])).toEqual({ plover: { event: 'AGREE', mode: null, context: ['ceasefire'] }, cameo: '0356' });
    expect(codesOf('PROPOSED', 'PROPOSAL', ['PROCESS_FORMAT']).cameo).toBe('036');
    expect(codesOf('PROPOSED', 'CONCESSION', ['PRISONERS_AND_REMAINS'])).toMatchObject({ plover: { event: 'CONCEDE', mode: null }, cameo: '0841' });
    expect(codesOf('REJECTED', 'PROPOSAL', ['CEASEFIRE'])).toMatchObject({ plover: { event: 'REJECT', mode: 'yield' }, cameo: '1246' });
    expect(codesOf('REJECTED', 'PROPOSAL', ['PROCESS_FORMAT'])).toMatchObject({ plover: { event: 'REJECT', mode: 'meet' }, cameo: '125' });
    expect(codesOf('AGREED_TO', 'PROPOSAL', ['PRISONERS_AND_REMAINS'])).toMatchObject({ plover: { event: 'AGREE', mode: null }, cameo: '0353' });
    expect(codesOf('CONSIDERING', 'PROPOSAL', ['TERRITORY', 'CEASEFIRE'])).toEqual({
      plover: { event: null, mode: null, context: ['resource', 'ceasefire', 'future'] },
      cameo: '014',
    });
  });
});

import { describe, expect, it } from 'vitest';

import { checkActor } from '../../src/actors/actor-curation.rules.js';
import { checkDisagreement } from '../../src/disagreements/disagreement-curation.rules.js';
import { checkMeeting } from '../../src/meetings/meeting-curation.rules.js';
import { checkSource } from '../../src/sources/source-curation.rules.js';
import { checkStance } from '../../src/stances/stance-curation.rules.js';
import { checkEvidence } from '../../src/write/evidence.js';
import { generateId, idPattern, slugOf } from '../../src/write/ids.js';
import { invalidInput, Problems } from '../../src/write/problems.js';
import { checkReferencesExist } from '../../src/write/references.js';
import type { SeedMeeting, SeedStance } from '../../src/shared/seed-format.js';

const ctx = { now: new Date('2025-06-10T12:00:00Z') };
const evidence = [{ sourceId: 'source:tass-2025-06-02', quote: 'The first meeting lasted about two hours.' }];
const fieldsOf = (problems: Problems) => problems.list.map((p) => p.field);

const stance = (over: Partial<SeedStance> = {}): SeedStance => ({
  id: 'stance:russia-agreed_to-bodies-exchange',
  kind: 'AGREED_TO',
  actorId: 'actor:russia',
  positionId: 'position:bodies-exchange',
  meetingId: 'meeting:istanbul-2025-06-02',
  date: '2025-06-02',
  plover: null,
  cameo: '0356',
  evidence,
  ...over,
});

describe('ids', () => {
  it('follow the seed format: kind prefix and lowercase slug (stances keep the kind underscore)', () => {
    expect(idPattern('actor').test('actor:vladimir-medinsky')).toBe(true);
    expect(idPattern('actor').test('actor:Vladimir')).toBe(false);
    expect(idPattern('actor').test('position:x')).toBe(false);
    expect(idPattern('actor').test('actor:a--b')).toBe(false);
    expect(idPattern('stance').test('stance:russia-agreed_to-bodies-exchange-6000-for-6000')).toBe(true);
    expect(idPattern('actor').test('actor:agreed_to')).toBe(false);
  });

  it('are made from names with diacritics folded', () => {
    expect(slugOf('Recep Tayyip Erdoğan')).toBe('recep-tayyip-erdogan');
    expect(slugOf('Çırağan Palace — 2nd round!')).toBe('ciragan-palace-2nd-round');
    expect(generateId('actor', 'Türkiye')).toBe('actor:turkiye');
    expect(generateId('meeting', 'Istanbul', '2025-07-23')).toBe('meeting:istanbul-2025-07-23');
    expect(slugOf('a'.repeat(50) + ' ' + 'b'.repeat(50), 80)).toBe('a'.repeat(50));
  });
});

describe('stance rules', () => {
  it('accept a complete stance', () => {
    const problems = new Problems();
    checkStance(problems, 'input', stance(), ctx);
    expect(problems.list).toEqual([]);
  });

  it('refuse a stance without a source, naming the field', () => {
    const problems = new Problems();
    checkStance(problems, 'input', stance({ evidence: [] }), ctx);
    expect(problems.list).toEqual([{ field: 'input.evidence', message: expect.stringContaining('at least 1 source') }]);
  });

  it('report every problem at once, each with its field', () => {
    const problems = new Problems();
    checkStance(
      problems,
      'input',
      stance({
        id: 'stance:Bad Id',
        actorId: 'position:x',
        date: '2025-02-30',
        cameo: 'abc',
        evidence: [
          { sourceId: 'source:a', quote: 'one\ntwo' },
          { sourceId: 'source:a', quote: 'x'.repeat(301) },
        ],
      }),
      ctx,
    );
    expect(fieldsOf(problems)).toEqual([
      'input.id',
      'input.actorId',
      'input.date',
      'input.cameo',
      'input.evidence[0].quote',
      'input.evidence[1].quote',
      'input.evidence[1].sourceId',
    ]);
    const error = invalidInput(problems.list);
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('"input.date" must be a calendar date');
    expect(error.extensions['problems']).toHaveLength(7);
  });

  it('check PLOVER codes as the seed format does', () => {
    const problems = new Problems();
    checkStance(problems, 'input', stance({ plover: { event: 'ATTACK', mode: 'Yield', context: ['military', 'military', 'Front Line'] } }), ctx);
    expect(fieldsOf(problems)).toEqual(['input.plover.event', 'input.plover.mode', 'input.plover.context[2]', 'input.plover.context[1]']);
  });

  it('refuse dates in the future and before 1900', () => {
    for (const [date, text] of [
      ['2025-06-12', 'cannot be in the future'],
      ['1899-12-31', 'on or after 1900-01-01'],
    ] as const) {
      const problems = new Problems();
      checkStance(problems, 'input', stance({ date }), ctx);
      expect(problems.list).toEqual([{ field: 'input.date', message: expect.stringContaining(text) }]);
    }
  });
});

describe('node rules', () => {
  it('check actors: required name, Wikidata id, distinct aliases, length limits', () => {
    const problems = new Problems();
    checkActor(problems, 'input', { id: 'actor:x', name: ' ', kind: 'STATE', aliases: ['A', 'A'], description: 'd'.repeat(2001), wikidataId: 'X1', evidence });
    expect(fieldsOf(problems)).toEqual(['input.name', 'input.aliases[1]', 'input.description', 'input.wikidataId']);
  });

  it('check meetings: a HELD meeting has a date not in the future, and ends after it starts', () => {
    const meeting = (over: Partial<SeedMeeting>): SeedMeeting => ({
      id: 'meeting:istanbul-2025-06-02',
      title: 'Round 2',
      status: 'HELD',
      date: '2025-06-02',
      evidence,
      ...over,
    });
    const problems = new Problems();
    checkMeeting(problems, 'input', meeting({ date: null }), ctx);
    checkMeeting(problems, 'm', meeting({ date: '2025-07-01' }), ctx);
    checkMeeting(
      problems,
      'p',
      meeting({ status: 'PROPOSED', date: '2025-07-01', startedAt: '2025-07-01T10:00:00+03:00', endedAt: '2025-07-01T09:00:00+03:00' }),
      ctx,
    );
    checkMeeting(problems, 'q', meeting({ startedAt: '2025-06-02 14:43' }), ctx);
    expect(problems.list.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'input.date: is required for a HELD meeting',
      'm.date: must be on or before 2025-06-11 (a HELD meeting cannot be in the future), got 2025-07-01',
      'p.endedAt: (2025-07-01T09:00:00+03:00) is before startedAt (2025-07-01T10:00:00+03:00)',
      'q.startedAt: must be an ISO 8601 date-time with an offset, e.g. "2025-06-02T14:43:00+03:00", got "2025-06-02 14:43"',
    ]);
  });

  it('check sources: language code and http(s) URL', () => {
    const problems = new Problems();
    checkSource(
      problems,
      'input',
      { id: 'source:x-2025-06-02', publisher: 'X', title: 'T', publishedAt: '2025-06-02', language: 'EN', url: 'javascript:alert(1)' },
      ctx,
    );
    expect(fieldsOf(problems)).toEqual(['input.language', 'input.url']);
  });

  it('check disagreements: two versions from two sources, concerns on nodes only', () => {
    const problems = new Problems();
    checkDisagreement(problems, 'input', {
      id: 'disagreement:x',
      summary: 'How long?',
      concerns: ['stance:a-proposed-b'],
      versions: [
        { sourceId: 'source:a', claim: 'c', quote: 'q' },
        { sourceId: 'source:a', claim: 'c', quote: 'q' },
      ],
    });
    expect(fieldsOf(problems)).toEqual(['input.concerns[0]', 'input.versions']);
  });

  it('evidence names each source once', () => {
    const problems = new Problems();
    checkEvidence(problems, 'e', [evidence[0]!, evidence[0]!]);
    expect(problems.list).toEqual([{ field: 'e[1].sourceId', message: expect.stringContaining('one quote per source') }]);
  });
});

describe('references', () => {
  it('must exist, with the right kind', () => {
    const problems = new Problems();
    checkReferencesExist(
      problems,
      [
        { field: 'input.actorId', id: 'actor:nobody', kinds: ['actor'] },
        { field: 'input.positionId', id: 'position:p', kinds: ['position'] },
        { field: 'input.concerns[0]', id: 'source:s', kinds: ['actor', 'position'] },
      ],
      new Map([
        ['position:p', 'position'],
        ['source:s', 'source'],
      ]),
    );
    expect(problems.list).toEqual([
      { field: 'input.actorId', message: 'refers to "actor:nobody", which does not exist' },
      { field: 'input.concerns[0]', message: 'refers to "source:s", which is a source, not an actor or a position' },
    ]);
  });
});

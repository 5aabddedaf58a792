/** The stance lists' compact rows: a page of tuples read back into stances with their looked-ahead items. */
import { describe, expect, it } from 'vitest';

import type { StanceLookAhead } from '../../src/stances/stance-lookahead.js';
import { type StanceTuple, stancesOfRow } from '../../src/stances/stance-tuple.js';
import type { Stance } from '../../src/stances/stance.type.js';
import { fetchedSources } from '../../src/sources/source.type.js';

const lookAhead: StanceLookAhead = {
  stanceId: true,
  stance: ['date', 'sourceIds', 'evidence', 'meetingId'],
  actor: ['id', 'name'],
  position: ['id', 'type', 'title'],
  meeting: ['id', 'title'],
  sources: ['id', 'publisher'],
};

describe('stance tuples', () => {
  it('reads each tuple into a stance with its properties, related items and evidence sources, in list order', () => {
    const tuples: StanceTuple[] = [
      [
        'stance:1',
        'REJECTED',
        'actor:x',
        'position:p',
        ['2025-06-02', ['source:s'], ['"No," he said.'], 'meeting:a'],
        // The actor's and position's ids are the tuple's own, not repeated in their lists.
        ['Medinsky'],
        ['DEMAND', 'A ceasefire'],
        ['meeting:a', 'Second round'],
        [['source:s', 'Reuters']],
      ],
      ['stance:2', 'PROPOSED', 'actor:y', 'position:q', [null, [], [], null], ['Umerov'], ['PROPOSAL', 'An exchange'], null, []],
    ];
    const [first, second] = stancesOfRow({ key: 0, stances: tuples }, lookAhead);
    expect(first).toMatchObject({ id: 'stance:1', kind: 'REJECTED', actorId: 'actor:x', positionId: 'position:p', meetingId: 'meeting:a', date: '2025-06-02' });
    expect(first?.ahead?.actor).toMatchObject({ id: 'actor:x', name: 'Medinsky' });
    expect(first?.ahead?.position).toMatchObject({ id: 'position:p', type: 'DEMAND', title: 'A ceasefire' });
    expect(first?.ahead?.meeting?.title).toBe('Second round');
    expect(first?.evidence.map((record) => [record.quote, record.source?.publisher])).toEqual([['"No," he said.', 'Reuters']]);
    expect(second).toMatchObject({ id: 'stance:2', kind: 'PROPOSED', meetingId: null, date: null });
    expect(second?.ahead?.actor).toMatchObject({ id: 'actor:y', name: 'Umerov' });
    // Taken at no meeting: known to have none, so no loader is asked for it.
    expect(second?.ahead?.meeting).toBeNull();
  });

  it('reads a tuple without the ids nothing reads', () => {
    const withoutIds: StanceLookAhead = { ...lookAhead, stanceId: false, actor: ['name'], position: ['type', 'title'] };
    const tuples: StanceTuple[] = [
      [null, 'REJECTED', null, null, ['2025-06-02', ['source:s'], ['"No."'], null], ['Medinsky'], ['DEMAND', 'A ceasefire'], null, [['source:s', 'Reuters']]],
    ] as unknown as StanceTuple[];
    const [stance] = stancesOfRow({ stances: tuples }, withoutIds);
    expect(stance?.ahead?.actor?.name).toBe('Medinsky');
    expect(stance?.ahead?.position).toMatchObject({ type: 'DEMAND', title: 'A ceasefire' });
    expect(stance?.evidence.map((record) => [record.quote, record.source?.publisher])).toEqual([['"No."', 'Reuters']]);
  });

  it("reads sources asked without quotes as the stance's list of sources, without their ids", () => {
    const sourcesOnly: StanceLookAhead = { stanceId: false, stance: [], actor: null, position: null, meeting: null, sources: ['publisher'] };
    const tuples = [[null, 'AGREED_TO', null, null, [], null, null, null, [['Reuters'], ['TASS']]]] as unknown as StanceTuple[];
    const [stance] = stancesOfRow({ stances: tuples }, sourcesOnly);
    expect(stance?.evidence).toEqual([]);
    expect(stance?.ahead?.sources?.map((source) => source.publisher)).toEqual(['Reuters', 'TASS']);
    expect(fetchedSources(stance as Stance)?.map((source) => source.publisher)).toEqual(['Reuters', 'TASS']);
  });

  it('shows a cited source missing from the graph (sent as its id alone) as the loader does, with or without quotes', () => {
    const sourcesOnly: StanceLookAhead = { stanceId: false, stance: [], actor: null, position: null, meeting: null, sources: ['publisher'] };
    const [listed] = stancesOfRow({ stances: [[null, 'AGREED_TO', null, null, [], null, null, null, [['Reuters'], 'source:gone']]] }, sourcesOnly);
    expect(listed?.ahead?.sources?.map((source) => source.publisher)).toEqual(['Reuters', '(unknown source)']);
    expect(listed?.ahead?.sources?.[1]?.id).toBe('source:gone');
    const withQuotes: StanceLookAhead = { ...sourcesOnly, stance: ['sourceIds', 'evidence'], sources: ['id', 'publisher'] };
    const tuple = [
      null,
      'AGREED_TO',
      null,
      null,
      [
        ['source:s', 'source:gone'],
        ['"Yes."', '"No."'],
      ],
      null,
      null,
      null,
      [['source:s', 'Reuters'], 'source:gone'],
    ];
    const [quoted] = stancesOfRow({ stances: [tuple] }, withQuotes);
    expect(quoted?.evidence.map((record) => [record.quote, record.source?.publisher])).toEqual([
      ['"Yes."', 'Reuters'],
      ['"No."', '(unknown source)'],
    ]);
  });

  it('gives no stances for a missing row or list', () => {
    expect(stancesOfRow(undefined, lookAhead)).toEqual([]);
    expect(stancesOfRow({ total: 0, stances: null }, lookAhead)).toEqual([]);
  });
});

/** The graph view's rules (web/explore/graph-model.ts): what is drawn, and what each filter keeps. */
import { describe, expect, it } from 'vitest';

import { applyFilter, buildGraphModel, type GraphData, NO_FILTER, type StanceKind, topicsIn } from '../../web/explore/graph-model.js';

const stance = (id: string, kind: StanceKind, actor: string, position: string, meeting: string | null) => ({
  id,
  kind,
  date: null,
  actor: { id: actor },
  position: { id: position },
  meeting: meeting ? { id: meeting } : null,
});

const DATA: GraphData = {
  actors: [
    { id: 'actor:russia', name: 'Russia', kind: 'STATE', memberOf: [] },
    { id: 'actor:ukraine', name: 'Ukraine', kind: 'STATE', memberOf: [] },
    { id: 'actor:medinsky', name: 'Medinsky', kind: 'PERSON', memberOf: [{ role: 'head', group: { id: 'actor:russia' } }] },
    { id: 'actor:germany', name: 'Germany', kind: 'STATE', memberOf: [] },
  ],
  positions: [
    { id: 'position:ceasefire', title: 'Ceasefire', type: 'PROPOSAL', topics: ['CEASEFIRE'] },
    { id: 'position:children', title: 'Children', type: 'DEMAND', topics: ['CHILDREN', 'HUMANITARIAN_CIVILIANS'] },
  ],
  meetings: [
    { id: 'meeting:r1', title: 'Round 1', date: '2025-05-16', status: 'HELD', attendance: [{ role: 'MEMBER', actor: { id: 'actor:russia' } }] },
    { id: 'meeting:r2', title: 'Round 2', date: '2025-06-02', status: 'HELD', attendance: [{ role: 'HEAD', actor: { id: 'actor:medinsky' } }] },
  ],
  stances: [
    stance('s1', 'PROPOSED', 'actor:ukraine', 'position:ceasefire', 'meeting:r2'),
    stance('s2', 'REJECTED', 'actor:russia', 'position:ceasefire', 'meeting:r2'),
    stance('s3', 'PROPOSED', 'actor:ukraine', 'position:children', null),
    stance('s4', 'AGREED_TO', 'actor:russia', 'position:ghost', null),
  ],
};

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

describe('buildGraphModel', () => {
  it('makes nodes of actors, positions and meetings, and edges of stances, attendance and membership', () => {
    const model = buildGraphModel(DATA);
    expect(model.nodes.size).toBe(8);
    expect(model.nodes.get('meeting:r1')?.label).toBe('Round 1\n2025-05-16');
    expect(model.edges.find((e) => e.id === 's2')).toMatchObject({
      kind: 'stance',
      subtype: 'REJECTED',
      source: 'actor:russia',
      target: 'position:ceasefire',
      meetingId: 'meeting:r2',
      topics: ['CEASEFIRE'],
    });
    expect(model.edges.filter((e) => e.kind === 'attendance')).toHaveLength(2);
    expect(model.edges.find((e) => e.kind === 'membership')).toMatchObject({ source: 'actor:medinsky', target: 'actor:russia', label: 'head' });
  });

  it('drops an edge whose end was not loaded', () => {
    expect(buildGraphModel(DATA).edges.some((e) => e.id === 's4')).toBe(false);
  });
});

describe('applyFilter', () => {
  const model = buildGraphModel(DATA);

  it('with no filter shows every connected node, and no isolated one', () => {
    const { nodes, edges } = applyFilter(model, NO_FILTER);
    expect(ids(nodes)).toEqual(['actor:medinsky', 'actor:russia', 'actor:ukraine', 'meeting:r1', 'meeting:r2', 'position:ceasefire', 'position:children']);
    expect(edges).toHaveLength(3 + 2 + 1);
  });

  it('by meeting: the stances taken there, the meeting and who attended it', () => {
    const { nodes, edges } = applyFilter(model, { ...NO_FILTER, meetingId: 'meeting:r2' });
    expect(ids(edges.filter((e) => e.kind === 'stance'))).toEqual(['s1', 's2']);
    expect(ids(nodes)).toEqual(['actor:medinsky', 'actor:russia', 'actor:ukraine', 'meeting:r2', 'position:ceasefire']);
    // Medinsky is on screen through his attendance, so his membership of Russia shows too.
    expect(edges.some((e) => e.kind === 'membership')).toBe(true);
  });

  it('by topic: only stances on positions with that topic, and no meeting context', () => {
    const { nodes, edges } = applyFilter(model, { ...NO_FILTER, topic: 'CHILDREN' });
    expect(ids(edges)).toEqual(['s3']);
    expect(ids(nodes)).toEqual(['actor:ukraine', 'position:children']);
  });

  it('by stance kind, with the structure edges switched off', () => {
    const { nodes, edges } = applyFilter(model, { ...NO_FILTER, kinds: new Set<StanceKind>(['REJECTED']), attendance: false, membership: false });
    expect(ids(edges)).toEqual(['s2']);
    expect(ids(nodes)).toEqual(['actor:russia', 'position:ceasefire']);
  });

  it('a meeting with nothing matching still shows the meeting', () => {
    const { nodes } = applyFilter(model, { ...NO_FILTER, meetingId: 'meeting:r1', topic: 'CHILDREN', attendance: false });
    expect(ids(nodes)).toEqual(['meeting:r1']);
  });
});

it('topicsIn lists each topic once, sorted', () => {
  expect(topicsIn(DATA)).toEqual(['CEASEFIRE', 'CHILDREN', 'HUMANITARIAN_CIVILIANS']);
});

describe('targets and involvement', () => {
  const RELATED: GraphData = {
    ...DATA,
    positions: [
      ...DATA.positions,
      {
        id: 'position:withdrawal',
        title: 'Withdrawal',
        type: 'DEMAND',
        topics: ['TERRITORY'],
        involves: [{ role: 'MUST_ACT', actor: { id: 'actor:ukraine' } }],
      },
    ],
    stances: [
      ...DATA.stances,
      { ...stance('s5', 'PROPOSED', 'actor:russia', 'position:withdrawal', 'meeting:r2'), targets: [{ actor: { id: 'actor:ukraine' } }] },
    ],
  };

  it('draws a stance’s target as its own edge in the stance’s kind, and a position’s involvement as another', () => {
    const model = buildGraphModel(RELATED);
    expect(model.edges.find((e) => e.kind === 'target')).toMatchObject({
      id: 'target:s5->actor:ukraine',
      source: 'actor:russia',
      target: 'actor:ukraine',
      subtype: 'PROPOSED',
      meetingId: 'meeting:r2',
      topics: ['TERRITORY'],
    });
    expect(model.edges.find((e) => e.kind === 'involvement')).toMatchObject({
      source: 'position:withdrawal',
      target: 'actor:ukraine',
      subtype: 'MUST_ACT',
      label: 'must act',
    });
  });

  it('filters them like the other edge kinds: toggles, stance kinds and meetings', () => {
    const model = buildGraphModel(RELATED);
    const kindsOf = (filter = NO_FILTER) => [...new Set(applyFilter(model, filter).edges.map((e) => e.kind))].sort();
    expect(kindsOf()).toEqual(['attendance', 'involvement', 'membership', 'stance', 'target']);
    expect(kindsOf({ ...NO_FILTER, targets: false, involvement: false })).toEqual(['attendance', 'membership', 'stance']);
    expect(kindsOf({ ...NO_FILTER, kinds: new Set<StanceKind>(['REJECTED']) })).not.toContain('target');
    expect(kindsOf({ ...NO_FILTER, meetingId: 'meeting:r1' })).not.toContain('target');
    // Involvement shows for positions on screen only.
    const rejectedOnly = applyFilter(model, { ...NO_FILTER, kinds: new Set<StanceKind>(['REJECTED']) });
    expect(rejectedOnly.edges.some((e) => e.kind === 'involvement')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { consultCameoOf, consultModeOf, ploverLine, toPloverRecord } from '../../src/export/plover.js';
import { AttendanceRole } from '../../src/shared/enums.js';

const source = { sourceId: 'source:rbc', publisher: 'RBC-Ukraine', sourceTitle: 'Istanbul talks', publishedAt: '2025-06-02', url: null };

describe('PLOVER records', () => {
  it('turns a stance and one of its sources into one record', () => {
    const record = toPloverRecord({
      edgeType: 'REJECTED',
      edgeId: 'stance:russia-rejected-ceasefire',
      date: '2025-06-02',
      actorId: 'actor:russia',
      actorName: 'Russia',
      recipients: [{ id: 'actor:ukraine', name: 'Ukraine' }],
      ploverEvent: 'REJECT',
      ploverMode: 'yield',
      ploverContext: ['ceasefire', 'military'],
      cameo: '1246',
      positionId: 'position:ceasefire',
      positionTitle: 'Full, unconditional 30-day ceasefire',
      meetingId: 'meeting:istanbul-2025-06-02',
      quote: 'They flatly refuse an unconditional ceasefire.',
      ...source,
    });
    expect(record).toEqual({
      id: 'stance:russia-rejected-ceasefire/source:rbc',
      date: '2025-06-02',
      source: ['Russia'],
      recipient: ['Ukraine'],
      event: 'REJECT',
      mode: 'yield',
      context: ['ceasefire', 'military'],
      text: 'They flatly refuse an unconditional ceasefire.',
      cite_info: { source_id: 'source:rbc', publisher: 'RBC-Ukraine', title: 'Istanbul talks', published_at: '2025-06-02', url: null },
      negotiation_graph: {
        edge_type: 'REJECTED',
        edge_id: 'stance:russia-rejected-ceasefire',
        source_actor_ids: ['actor:russia'],
        recipient_actor_ids: ['actor:ukraine'],
        recipient_basis: 'inferred',
        position_id: 'position:ceasefire',
        position: 'Full, unconditional 30-day ceasefire',
        meeting_id: 'meeting:istanbul-2025-06-02',
        role: null,
        cameo: '1246',
      },
    });
  });

  it('codes an attendance as CONSULT, with the mode and CAMEO code of the role', () => {
    const record = toPloverRecord({
      edgeType: 'ATTENDED',
      actorId: 'actor:turkiye',
      actorName: 'Türkiye',
      recipients: [],
      role: 'MEDIATOR',
      meetingId: 'meeting:m',
      date: '2025-06-02',
      quote: 'q',
      ...source,
    });
    expect(record).toMatchObject({
      id: 'attended:actor:turkiye@meeting:m/source:rbc',
      event: 'CONSULT',
      mode: 'third-party',
      source: ['Türkiye'],
      recipient: [],
      context: [],
    });
    expect(record?.negotiation_graph).toMatchObject({ edge_type: 'ATTENDED', role: 'MEDIATOR', cameo: '045' });
  });

  it('says when the recipients are the targets the sources name (a real dyad), not the inferred other side', () => {
    const record = toPloverRecord({
      edgeType: 'PROPOSED',
      recipientBasis: 'target',
      edgeId: 'stance:russia-proposed-withdrawal',
      actorId: 'actor:russia',
      actorName: 'Russia',
      recipients: [{ id: 'actor:ukraine', name: 'Ukraine' }],
      ploverEvent: 'DEMAND',
      ploverMode: 'yield',
      ploverContext: [],
      quote: 'q',
      ...source,
    });
    expect(record?.recipient).toEqual(['Ukraine']);
    expect(record?.negotiation_graph.recipient_basis).toBe('target');
  });

  it('codes an invitation, should one reach it, as an intent to meet (CAMEO 036)', () => {
    expect(consultModeOf(AttendanceRole.INVITED)).toBe('multilateral');
    expect(consultCameoOf(AttendanceRole.INVITED)).toBe('036');
  });

  it('leaves out a stance with no PLOVER event (CONSIDERING)', () => {
    expect(toPloverRecord({ edgeType: 'CONSIDERING', edgeId: 's', actorId: 'a', actorName: 'A', ploverEvent: null, ...source })).toBeNull();
  });

  it.each([
    [AttendanceRole.HEAD, 'multilateral', '046'],
    [AttendanceRole.MEMBER, 'multilateral', '046'],
    [AttendanceRole.OBSERVER, 'multilateral', '046'],
    [AttendanceRole.CHAIR, 'third-party', '045'],
    [AttendanceRole.MEDIATOR, 'third-party', '045'],
    [AttendanceRole.HOST, 'third-party', '043'],
  ])('%s attends in PLOVER mode %s, CAMEO %s', (role, mode, cameo) => {
    expect(consultModeOf(role)).toBe(mode);
    expect(consultCameoOf(role)).toBe(cameo);
  });

  it('writes one JSON object per line', () => {
    const record = toPloverRecord({
      edgeType: 'PROPOSED',
      edgeId: 's',
      actorId: 'a',
      actorName: 'A',
      ploverEvent: 'AGREE',
      quote: 'line one\nline two',
      ...source,
    });
    const line = ploverLine(record!);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
  });
});

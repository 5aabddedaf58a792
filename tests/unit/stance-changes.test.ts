import { describe, expect, it } from 'vitest';

import { classifyChange, compareStances, type ComparedStance, StanceChangeKind } from '../../src/changes/stance-changes.rules.js';
import { ConnectionEdgeKind, kindOfType, SUBSTANTIVE_KINDS, typesOf } from '../../src/connections/connection.js';
import { StanceKind, StanceStatus } from '../../src/shared/enums.js';
import type { Stance } from '../../src/stances/stance.type.js';

const stance = (id: string, kind: StanceKind): Stance => ({
  id,
  kind,
  actorId: 'actor:a',
  positionId: 'position:p',
  meetingId: null,
  date: null,
  plover: null,
  cameo: null,
  status: StanceStatus.ACTIVE,
  recordedAt: null,
  recordedBy: null,
  retractedAt: null,
  retractedBy: null,
  retractionReason: null,
  evidence: [],
});

const row = (actor: string, position: string, side: 'from' | 'to' | 'both', s: Stance): ComparedStance => ({
  actorId: actor,
  actorName: actor,
  positionId: position,
  positionTitle: position,
  inFrom: side !== 'to',
  inTo: side !== 'from',
  stance: s,
});

describe('stance changes', () => {
  it('classifies a pair by the kinds on each side', () => {
    expect(classifyChange([], [StanceKind.PROPOSED])).toBe(StanceChangeKind.NEW);
    expect(classifyChange([StanceKind.PROPOSED], [])).toBe(StanceChangeKind.NOT_REPEATED);
    expect(classifyChange([StanceKind.REJECTED], [StanceKind.CONSIDERING])).toBe(StanceChangeKind.KIND_CHANGED);
    expect(classifyChange([StanceKind.AGREED_TO, StanceKind.CONSIDERING], [StanceKind.CONSIDERING, StanceKind.AGREED_TO])).toBe(StanceChangeKind.REPEATED);
  });

  it('groups per actor and position, keeps the stances of both sides, and puts changes of kind first', () => {
    const changes = compareStances([
      row('b', 'p2', 'to', stance('s3', StanceKind.PROPOSED)),
      row('a', 'p1', 'from', stance('s1', StanceKind.REJECTED)),
      row('a', 'p1', 'to', stance('s2', StanceKind.AGREED_TO)),
      row('a', 'p3', 'both', stance('s4', StanceKind.PROPOSED)),
    ]);
    expect(changes.map((c) => `${c.change} ${c.actorId} ${c.positionId}`)).toEqual(['KIND_CHANGED a p1', 'NEW b p2', 'REPEATED a p3']);
    expect(changes[0]).toMatchObject({ kindsBefore: ['REJECTED'], kindsAfter: ['AGREED_TO'] });
    expect(changes[0]!.before.map((s) => s.id)).toEqual(['s1']);
    expect(changes[0]!.after.map((s) => s.id)).toEqual(['s2']);
  });
});

describe('connection edge kinds', () => {
  it('names the kind of every relationship type, and substantive kinds leave out memberships', () => {
    expect(kindOfType('REJECTED')).toBe(ConnectionEdgeKind.STANCE);
    expect(kindOfType('TARGETS')).toBe(ConnectionEdgeKind.TARGET);
    expect(kindOfType('INVOLVES')).toBe(ConnectionEdgeKind.INVOLVEMENT);
    expect(kindOfType('UNKNOWN')).toBeNull();
    expect(typesOf(SUBSTANTIVE_KINDS)).not.toContain('MEMBER_OF');
    expect(typesOf(SUBSTANTIVE_KINDS)).toEqual(expect.arrayContaining(['PROPOSED', 'TARGETS', 'INVOLVES', 'ATTENDED']));
  });
});

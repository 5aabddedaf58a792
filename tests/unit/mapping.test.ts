import { describe, expect, it } from 'vitest';

import { toDisagreement } from '../../src/disagreements/disagreement.mapping.js';
import { toStance } from '../../src/stances/stance.mapping.js';
import { toEvidence } from '../../src/sources/source.type.js';
import { activeUnless } from '../../src/stances/stance.rules.js';

describe('provenance mapping', () => {
  it('pairs stored source ids with their quotes', () => {
    expect(toEvidence(['source:a', 'source:b'], ['quote a', 'quote b'])).toEqual([
      { sourceId: 'source:a', quote: 'quote a' },
      { sourceId: 'source:b', quote: 'quote b' },
    ]);
    expect(toEvidence(null, null)).toEqual([]);
  });

  it('maps a stance edge with its PLOVER code and default status', () => {
    const stance = toStance({
      id: 'stance:x',
      kind: 'REJECTED',
      actorId: 'actor:russia',
      positionId: 'position:p',
      date: '2025-06-02',
      sourceIds: ['source:a'],
      evidence: ['q'],
      ploverEvent: 'REJECT',
      ploverContext: ['ceasefire'],
      cameo: '1246',
    });
    expect(stance).toMatchObject({ kind: 'REJECTED', status: 'ACTIVE', plover: { event: 'REJECT', mode: null, context: ['ceasefire'] }, meetingId: null });
    expect(toStance({ id: 's', kind: 'PROPOSED', actorId: 'a', positionId: 'p' }).plover).toBeNull();
  });

  it('keeps each source version of a disagreement', () => {
    const disagreement = toDisagreement({
      id: 'disagreement:x',
      summary: 's',
      versionSourceIds: ['source:a', 'source:b'],
      versionClaims: ['30 days', 'three months'],
      versionQuotes: ['qa', 'qb'],
      concernIds: ['position:p'],
    });
    expect(disagreement.versions).toEqual([
      { sourceId: 'source:a', claim: '30 days', quote: 'qa' },
      { sourceId: 'source:b', claim: 'three months', quote: 'qb' },
    ]);
  });

  it('hides retracted stances unless asked', () => {
    const active = toStance({ id: 'a', kind: 'PROPOSED', actorId: 'x', positionId: 'y' });
    const retracted = toStance({ id: 'b', kind: 'PROPOSED', actorId: 'x', positionId: 'y', status: 'RETRACTED' });
    expect(activeUnless(false, [active, retracted])).toEqual([active]);
    expect(activeUnless(true, [active, retracted])).toEqual([active, retracted]);
  });
});

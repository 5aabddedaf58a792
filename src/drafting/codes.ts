/**
 * PLOVER and CAMEO codes for a drafted stance, by the mapping in seed/README.md (the "Codes"
 * table under `stances`): the event follows the stance kind and the position type, the CAMEO
 * code and PLOVER mode the position's first topic. A suggestion the analyst can change. Pure.
 */
export interface DraftCodes {
  plover: { event: string | null; mode: string | null; context: string[] };
  cameo: string | null;
}

/** PLOVER contexts of the topics (as the seed codes them). */
const CONTEXT: Record<string, string> = {
  CEASEFIRE: 'ceasefire',
  PRISONERS_AND_REMAINS: 'humanitarian',
  TERRITORY: 'resource',
  WITHDRAWAL_DEMILITARIZATION: 'military',
  SECURITY_GUARANTEES_ALIGNMENT: 'military',
  SANCTIONS_ECONOMIC: 'economic',
  HUMANITARIAN_CIVILIANS: 'humanitarian',
  CHILDREN: 'humanitarian',
  GOVERNANCE_ELECTIONS: 'political',
  ACCOUNTABILITY_JUSTICE: 'legal',
  PROCESS_FORMAT: 'diplomatic',
  IMPLEMENTATION_MONITORING: 'diplomatic',
};

const isPrisoners = (t: string) => t === 'PRISONERS_AND_REMAINS' || t === 'CHILDREN' || t === 'HUMANITARIAN_CIVILIANS';
const isCeasefire = (t: string) => t === 'CEASEFIRE' || t === 'WITHDRAWAL_DEMILITARIZATION';

export function codesOf(kind: string, positionType: string, topics: readonly string[]): DraftCodes {
  const topic = topics[0] ?? '';
  const context = [...new Set(topics.map((t) => CONTEXT[t]).filter((c): c is string => c !== undefined))];
  switch (kind) {
    case 'PROPOSED':
      if (positionType === 'DEMAND') {
        const [mode, cameo] = isPrisoners(topic)
          ? ['yield', '1053']
          : isCeasefire(topic)
            ? ['yield', '1056']
            : topic === 'PROCESS_FORMAT'
              ? ['meet', '106']
              : ['change', '104'];
        return { plover: { event: 'DEMAND', mode, context }, cameo };
      }
      if (positionType === 'CONCESSION')
        return { plover: { event: 'CONCEDE', mode: null, context }, cameo: isPrisoners(topic) ? '0841' : isCeasefire(topic) ? '0871' : '08' };
      return { plover: { event: 'AGREE', mode: null, context }, cameo: isCeasefire(topic) ? '0356' : isPrisoners(topic) ? '0353' : '036' };
    case 'REJECTED': {
      const [mode, cameo] = isCeasefire(topic) ? ['yield', '1246'] : topic === 'PROCESS_FORMAT' ? ['meet', '125'] : ['change', '127'];
      return { plover: { event: 'REJECT', mode, context }, cameo };
    }
    case 'AGREED_TO':
      return { plover: { event: 'AGREE', mode: null, context }, cameo: isPrisoners(topic) ? '0353' : isCeasefire(topic) ? '0356' : '036' };
    default:
      // CONSIDERING has no PLOVER event; the context says it is about the future.
      return { plover: { event: null, mode: null, context: [...context, 'future'] }, cameo: '014' };
  }
}

/** The type a new position would most likely have, from the cue that found it. */
export function suggestedPositionType(kind: string, cue: string): 'DEMAND' | 'PROPOSAL' | 'CONCESSION' {
  if (kind === 'PROPOSED' && /^(demand|insist|urge|call for|call on|press for|push for|require|must|should|ought)/.test(cue.toLowerCase())) return 'DEMAND';
  if (kind === 'PROPOSED' && /^will /.test(cue.toLowerCase())) return 'CONCESSION';
  return 'PROPOSAL';
}

/** Rows of the cypher/relations queries as GraphQL records. Pure; unit tested. */
import type { InvolvementRole } from '../shared/enums.js';
import type { Props } from '../shared/mapping.js';
import { toEvidence } from '../sources/source.type.js';
import type { Involvement, StanceTarget } from './relation.type.js';

export function toStanceTarget(p: Props): StanceTarget {
  return { stanceId: String(p['stanceId']), actorId: String(p['actorId']), evidence: toEvidence(p['sourceIds'], p['evidence']) };
}

export function toInvolvement(p: Props): Involvement {
  return {
    positionId: String(p['positionId']),
    actorId: String(p['actorId']),
    role: p['role'] as InvolvementRole,
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

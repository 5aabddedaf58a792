/** Rows of the actor queries to the records the Actor and Membership types expose. Pure functions, unit tested without a database. */
import { toEvidence } from '../sources/source.type.js';
import type { ActorKind } from '../shared/enums.js';
import { type Props, str, strings } from '../shared/row-values.js';
import type { Actor, Membership } from './actor.type.js';

export function toActor(p: Props): Actor {
  return {
    id: String(p['id']),
    name: String(p['name']),
    kind: p['kind'] as ActorKind,
    aliases: strings(p['aliases']),
    description: str(p['description']),
    wikidataId: str(p['wikidataId']),
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toMembership(p: Props): Membership {
  return { memberId: String(p['memberId']), groupId: String(p['groupId']), role: str(p['role']), evidence: toEvidence(p['sourceIds'], p['evidence']) };
}

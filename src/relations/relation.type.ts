/**
 * Relations beyond stances (issue 12): whom a stance is addressed to (PLOVER's target actor)
 * and which actors a position involves, in what role. Both carry provenance like every edge.
 */
import { Field, ObjectType } from 'type-graphql';

import { InvolvementRole } from '../shared/enums.js';
import { type EvidenceRecord, Sourced } from '../sources/source.type.js';

@ObjectType({
  implements: Sourced,
  description: 'An actor a stance is addressed to or demands something of (the target of a source → target dyad), with the sources that say so.',
})
export class StanceTarget extends Sourced {
  stanceId!: string;
  actorId!: string;
  declare evidence: EvidenceRecord[];
}

@ObjectType({
  implements: Sourced,
  description: 'An actor a position involves, and in what role (the party that must act, a participant of a proposed meeting, a beneficiary...).',
})
export class Involvement extends Sourced {
  positionId!: string;
  actorId!: string;

  @Field(() => InvolvementRole, { description: 'Must act, participant, beneficiary, guarantor, mediator or host.' })
  role!: InvolvementRole;

  declare evidence: EvidenceRecord[];
}

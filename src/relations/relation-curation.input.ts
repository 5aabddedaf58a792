import { Field, ID, InputType } from 'type-graphql';

import { EvidenceInput } from '../curation/curation.input.js';
import { AttendanceRole, InvolvementRole } from '../shared/enums.js';

@InputType({ description: 'Whom a stance is addressed to, with the sources that say so.' })
export class RecordStanceTargetInput {
  @Field(() => ID, { description: 'The stance, e.g. "stance:russia-proposed-withdrawal-from-four-regions".' })
  stanceId!: string;

  @Field(() => ID, { description: 'The target actor.' })
  actorId!: string;

  @Field(() => [EvidenceInput], { description: 'At least one source, with its quote, naming the target.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'An actor a position involves, in a role, with the sources that say so.' })
export class RecordInvolvementInput {
  @Field(() => ID, { description: 'The position.' })
  positionId!: string;

  @Field(() => ID, { description: 'The actor it involves.' })
  actorId!: string;

  @Field(() => InvolvementRole, { description: 'Must act, participant, beneficiary, guarantor, mediator or host.' })
  role!: InvolvementRole;

  @Field(() => [EvidenceInput], { description: 'At least one source, with its quote.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'An actor taking part in (or invited to) a meeting, in a role, with the sources that say so.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The actor.' })
  actorId!: string;

  @Field(() => ID, { description: 'The meeting.' })
  meetingId!: string;

  @Field(() => AttendanceRole, { description: 'HEAD, MEMBER, CHAIR, MEDIATOR, HOST, OBSERVER, or INVITED for a proposed meeting’s participants.' })
  role!: AttendanceRole;

  @Field(() => [EvidenceInput], { description: 'At least one source, with its quote.' })
  evidence!: EvidenceInput[];
}

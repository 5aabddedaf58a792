import { Field, ID, Int, ObjectType } from 'type-graphql';

import { AttendanceRole, MeetingKind, MeetingStatus } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { type EvidenceRecord, Sourced } from '../sources/source.type.js';

@ObjectType({
  implements: Sourced,
  description: 'A meeting the reports mention: a round of talks, a side meeting or consultation, a summit, a call; held, proposed or cancelled.',
})
export class Meeting extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. "meeting:istanbul-2025-06-02".' })
  id!: string;

  @Field(() => String, { description: 'Name of the meeting, e.g. "Russia–Ukraine direct talks in Istanbul, round 2".' })
  title!: string;

  @Field(() => MeetingKind, { description: 'Round of talks, consultation, summit, phone call or working group.' })
  kind!: MeetingKind;

  @Field(() => Int, { nullable: true, description: 'Round number in a series of talks.' })
  round!: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day it took place (or is planned); null when not fixed.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Start, ISO 8601 with the offset the source used.' })
  startedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'End, ISO 8601 with the offset the source used.' })
  endedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes, as reported.' })
  durationMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'Building or place (e.g. "Çırağan Palace").' })
  venue!: string | null;

  @Field(() => String, { nullable: true, description: 'City where it took place or is planned.' })
  city!: string | null;

  @Field(() => MeetingStatus, { description: 'Held, proposed or cancelled.' })
  status!: MeetingStatus;

  declare evidence: EvidenceRecord[];
}

@ObjectType({ implements: Sourced, description: 'An actor taking part in a meeting, in a role.' })
export class Attendance extends Sourced {
  actorId!: string;
  meetingId!: string;

  @Field(() => AttendanceRole, { description: 'Head, member, chair, mediator, host, observer, or invited (to a proposed meeting).' })
  role!: AttendanceRole;

  declare evidence: EvidenceRecord[];
}

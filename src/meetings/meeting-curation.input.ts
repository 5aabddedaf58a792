/**
 * What clients send to createMeeting and updateMeeting, in the seed format's shape; the id is
 * made from the city and date (or the title) when left out.
 *
 * On updates, a field left out stays as it is and `null` clears an optional field. Evidence is
 * never replaced by an update: add a source to a stance with `addStanceSource`.
 */
import { Field, ID, InputType, Int } from 'type-graphql';

import { MeetingKind, MeetingStatus } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { EvidenceInput } from '../write/evidence.input.js';

@InputType({ description: 'A new meeting (a round of talks, a side meeting, a summit, a call), held, proposed or cancelled.' })
export class CreateMeetingInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "meeting:istanbul-2025-07-23"; made from the city and date (or the title) when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Title; one line, at most 300 characters.' })
  title!: string;

  @Field(() => MeetingKind, { nullable: true, description: 'Round of talks (the default), consultation, summit, phone call or working group.' })
  kind?: MeetingKind | null;

  @Field(() => Int, { nullable: true, description: 'Round number in the series of talks.' })
  round?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Required for a HELD meeting, which cannot be in the future.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset, e.g. "2025-07-23T19:00:00+03:00".' })
  startedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset; not before startedAt.' })
  endedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes, as reported.' })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Building or place, e.g. "Çırağan Palace".' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'City, e.g. "Istanbul".' })
  city?: string | null;

  @Field(() => MeetingStatus, { description: 'HELD, PROPOSED or CANCELLED.' })
  status!: MeetingStatus;

  @Field(() => [EvidenceInput], { description: 'At least one source reporting the meeting.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to a meeting: fields left out stay as they are; null clears an optional field.' })
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => MeetingKind, { nullable: true, description: 'Round of talks, consultation, summit, phone call or working group.' })
  kind?: MeetingKind | null;

  @Field(() => Int, { nullable: true, description: 'Round number in the series of talks (1 or more).' })
  round?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day it took place (or is planned), YYYY-MM-DD; a HELD meeting needs one, not in the future.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Start, ISO 8601 with offset, e.g. "2025-06-02T14:43:00+03:00".' })
  startedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'End, ISO 8601 with offset; not before startedAt.' })
  endedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes, as reported.' })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Building or place, e.g. "Çırağan Palace".' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'City, e.g. "Istanbul".' })
  city?: string | null;

  @Field(() => MeetingStatus, { nullable: true, description: 'e.g. PROPOSED → HELD once the round took place.' })
  status?: MeetingStatus | null;
}

/**
 * What clients send to recordStance, in the seed format's shape; the id is made from the
 * actor, kind and position when left out ("stance:russia-rejected-<position slug>").
 */
import { Field, ID, InputType } from 'type-graphql';

import { StanceKind } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { EvidenceInput } from '../write/evidence.input.js';

@InputType({ description: 'PLOVER coding of a stance.' })
export class PloverInput {
  @Field(() => String, { nullable: true, description: 'PLOVER event type: DEMAND, AGREE, CONCEDE, REJECT, SUPPORT or CONSULT.' })
  event?: string | null;

  @Field(() => String, { nullable: true, description: 'PLOVER mode, a lowercase token, e.g. "yield" or "meet".' })
  mode?: string | null;

  @Field(() => [String], { nullable: true, description: 'PLOVER contexts, e.g. ["ceasefire", "military"].' })
  context?: string[] | null;
}

@InputType({ description: 'A claim that an actor took a stance on a position, with at least one source.' })
export class RecordStanceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'e.g. "stance:russia-rejected-unconditional-30-day-ceasefire-2025-07-23"; made from the actor, kind and position when left out.',
  })
  id?: string | null;

  @Field(() => StanceKind, { description: 'PROPOSED, REJECTED, AGREED_TO or CONSIDERING.' })
  kind!: StanceKind;

  @Field(() => ID, { description: 'Who took the stance; the actor must exist.' })
  actorId!: string;

  @Field(() => ID, { description: 'What it is about; the position must exist.' })
  positionId!: string;

  @Field(() => ID, { nullable: true, description: 'The meeting where it was taken, if any; it must exist.' })
  meetingId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was taken (not when reported); not in the future.' })
  date?: string | null;

  @Field(() => PloverInput, { nullable: true, description: 'PLOVER coding of the stance.' })
  plover?: PloverInput | null;

  @Field(() => String, { nullable: true, description: 'CAMEO code, 2-4 digits, e.g. "0356".' })
  cameo?: string | null;

  @Field(() => [EvidenceInput], { description: 'At least one source with a verbatim quote: a stance without a source is refused.' })
  evidence!: EvidenceInput[];
}

/**
 * What clients send to createPosition and updatePosition, in the seed format's shape; the id
 * is made from the title when left out.
 *
 * On updates, a field left out stays as it is and `null` clears an optional field. Evidence is
 * never replaced by an update: add a source to a stance with `addStanceSource`.
 */
import { Field, ID, InputType } from 'type-graphql';

import { PositionType, Topic } from '../shared/enums.js';
import { EvidenceInput } from '../write/evidence.input.js';

@InputType({ description: 'A new demand, proposal or concession.' })
export class CreatePositionInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "position:exchange-of-1200-prisoners"; made from the title when left out.' })
  id?: string | null;

  @Field(() => PositionType, { description: 'DEMAND, PROPOSAL or CONCESSION.' })
  type!: PositionType;

  @Field(() => String, { description: 'Title; one line, at most 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it asks or offers, in a few sentences; at most 2000 characters.' })
  summary?: string | null;

  @Field(() => [Topic], { description: 'At least one topic.' })
  topics!: Topic[];

  @Field(() => [EvidenceInput], { description: 'At least one source reporting the content.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to a position: fields left out stay as they are; null clears an optional field.' })
export class UpdatePositionInput {
  @Field(() => PositionType, { nullable: true, description: 'DEMAND, PROPOSAL or CONCESSION.' })
  type?: PositionType | null;

  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'What it asks or offers, in a few sentences; at most 2000 characters.' })
  summary?: string | null;

  @Field(() => [Topic], { nullable: true, description: 'Replaces the topics.' })
  topics?: Topic[] | null;
}

import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';

import { PositionType, Topic } from '../shared/enums.js';
import { POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';
import { type EvidenceRecord, Sourced } from '../sources/source.type.js';

/** A position's GraphQL type from its `type` property (see syncResolveTypes in src/graph/schema.ts). */
export const positionTypeName = (value: { type?: PositionType }): string | undefined => (value.type ? POSITION_TYPE_LABELS[value.type] : undefined);

@InterfaceType({
  implements: Sourced,
  description: 'Something put on the table: a Demand, a Proposal or a Concession. Who proposed, rejected, agreed to or is considering it are its stances.',
  resolveType: positionTypeName,
})
export abstract class Position extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. "position:unconditional-30-day-ceasefire".' })
  id!: string;

  @Field(() => PositionType, { description: 'Demand, proposal or concession (also the GraphQL type).' })
  type!: PositionType;

  @Field(() => String, { description: 'Short title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it asks or offers, in a few sentences.' })
  summary!: string | null;

  @Field(() => [Topic], { description: 'What it is about; several topics are common.' })
  topics!: Topic[];

  declare evidence: EvidenceRecord[];
}

@ObjectType({ implements: [Position, Sourced], description: 'What one side requires of the other.' })
export class Demand extends Position {}

@ObjectType({ implements: [Position, Sourced], description: 'A joint step one side puts on the table.' })
export class Proposal extends Position {}

@ObjectType({ implements: [Position, Sourced], description: 'Something a side gives, or offers to give up, often unilaterally.' })
export class Concession extends Position {}

export const POSITION_TYPES = [Demand, Proposal, Concession] as const;

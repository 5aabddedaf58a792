/** What clients send to recordDisagreement, in the seed format's shape; the id is made from the summary when left out. */
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: "One source's version of a disputed fact." })
export class DisagreementVersionInput {
  @Field(() => ID, { description: 'The source giving this version; it must exist.' })
  sourceId!: string;

  @Field(() => String, { description: 'What the source says, in brief.' })
  claim!: string;

  @Field(() => String, { description: 'Its words, verbatim.' })
  quote!: string;
}

@InputType({ description: 'A point on which sources disagree: every version is kept.' })
export class RecordDisagreementInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "disagreement:size-of-prisoner-exchange"; made from the summary when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'The disputed question, neutrally put.' })
  summary!: string;

  @Field(() => [ID], { description: 'The actors, meetings, positions, documents or sources it is about; they must exist.' })
  concerns!: string[];

  @Field(() => [DisagreementVersionInput], { description: 'At least two versions, from two different sources.' })
  versions!: DisagreementVersionInput[];
}

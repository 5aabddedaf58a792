import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "One source's version of a disputed fact." })
export class DisagreementVersion {
  sourceId!: string;

  @Field(() => String, { description: 'What this source says, in brief.' })
  claim!: string;

  @Field(() => String, { description: 'The words of the source, verbatim.' })
  quote!: string;
}

@ObjectType({ description: 'A place where sources report different things. Both versions are kept; nothing is reconciled.' })
export class Disagreement {
  @Field(() => ID, { description: 'Stable id, e.g. "disagreement:ceasefire-length".' })
  id!: string;

  @Field(() => String, { description: 'What the sources disagree about.' })
  summary!: string;

  @Field(() => [DisagreementVersion], { description: 'Each source’s version, with a quote.' })
  versions!: DisagreementVersion[];

  concernIds!: string[];
}

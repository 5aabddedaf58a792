/** The evidence every curation input carries: a source, and its words, verbatim. */
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'One source supporting a fact, with a short verbatim quote from it.' })
export class EvidenceInput {
  @Field(() => ID, { description: 'The source, e.g. "source:tass-2025-06-02"; it must exist.' })
  sourceId!: string;

  @Field(() => String, { description: 'The words of the source, verbatim: one line, at most 300 characters.' })
  quote!: string;
}

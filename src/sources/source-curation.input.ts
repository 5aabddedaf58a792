/**
 * What clients send to createSource and updateSource, in the seed format's shape; the id is
 * made from the publisher and date when left out.
 *
 * On updates, a field left out stays as it is and `null` clears an optional field; the text
 * is changed with setSourceText.
 */
import { Field, ID, InputType } from 'type-graphql';

import { LocalDate } from '../shared/scalars.js';

@InputType({ description: 'A new source: a news article, a statement, a transcript.' })
export class CreateSourceInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "source:reuters-2025-07-23"; made from the publisher and date when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Who published it, as the text names them.' })
  publisher!: string;

  @Field(() => String, { description: 'Headline or title.' })
  title!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was published; not in the future.' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, e.g. "en".' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The full text of the report (at most 200,000 characters). Quotes citing the source must then occur in it verbatim; `draftStances` reads it.',
  })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'When the text was retrieved, ISO 8601; now when left out.' })
  retrievedAt?: string | null;
}

@InputType({ description: 'Changes to a source: fields left out stay as they are; null clears an optional field.' })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: 'Who published it, as the text names them.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was published, YYYY-MM-DD; not in the future.' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, e.g. "en".' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  url?: string | null;
}

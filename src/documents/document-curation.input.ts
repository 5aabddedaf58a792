/**
 * What clients send to createDocument and updateDocument, in the seed format's shape; the id
 * is made from the title when left out.
 *
 * On updates, a field left out stays as it is and `null` clears an optional field. Evidence is
 * never replaced by an update: add a source to a stance with `addStanceSource`.
 */
import { Field, ID, InputType, Int } from 'type-graphql';

import { DocumentKind } from '../shared/enums.js';
import { EvidenceInput } from '../write/evidence.input.js';

@InputType({ description: 'A new document: a memorandum, a list, a statement.' })
export class CreateDocumentInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "document:ukrainian-memorandum-2025-07-23"; made from the title when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Title; one line, at most 300 characters.' })
  title!: string;

  @Field(() => DocumentKind, { description: 'Memorandum, list or statement.' })
  kind!: DocumentKind;

  @Field(() => Int, { nullable: true, description: 'Number of pages, as reported.' })
  pages?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of parts or sections, as reported.' })
  parts?: number | null;

  @Field(() => [EvidenceInput], { description: 'At least one source reporting the document.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to a document: fields left out stay as they are; null clears an optional field.' })
export class UpdateDocumentInput {
  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => DocumentKind, { nullable: true, description: 'Memorandum, list or statement.' })
  kind?: DocumentKind | null;

  @Field(() => Int, { nullable: true, description: 'Number of pages, as reported.' })
  pages?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of parts or sections, as reported.' })
  parts?: number | null;
}

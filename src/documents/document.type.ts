import { Field, ID, Int, ObjectType } from 'type-graphql';

import { DocumentKind } from '../shared/enums.js';
import { type EvidenceRecord, Sourced } from '../sources/source.type.js';

@ObjectType({ implements: Sourced, description: 'A text exchanged in the talks: a memorandum, a list, a statement.' })
export class Document extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. "document:russian-memorandum-2025-06-02".' })
  id!: string;

  @Field(() => String, { description: 'Title or a short description of the document.' })
  title!: string;

  @Field(() => DocumentKind, { description: 'Memorandum, list or statement.' })
  kind!: DocumentKind;

  @Field(() => Int, { nullable: true, description: 'Number of pages, as reported.' })
  pages!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of parts or sections, as reported.' })
  parts!: number | null;

  declare evidence: EvidenceRecord[];
}

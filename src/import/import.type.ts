import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An item an import changes, and which of its fields.' })
export class ImportUpdate {
  @Field(() => String, { description: 'The id, or for a link "from -TYPE-> to".' })
  item!: string;

  @Field(() => [String], { description: 'The fields whose stored value differs from the file.' })
  fields!: string[];
}

@ObjectType({ description: 'What an import does to one section of the dataset format (actors, stances, attendance, ...).' })
export class ImportSection {
  @Field(() => String, { description: 'The section, as named in the file.' })
  section!: string;

  @Field(() => [String], { description: 'Items that are new (ids; links as "from -TYPE-> to").' })
  created!: string[];

  @Field(() => [ImportUpdate], { description: 'Items that exist with other values.' })
  updated!: ImportUpdate[];

  @Field(() => Int, { description: 'Items already stored exactly as in the file.' })
  unchanged!: number;
}

@ObjectType({ description: 'What an import did, or with dryRun would do. An import writes everything or nothing.' })
export class ImportReport {
  @Field(() => Boolean, { description: 'True when nothing was written (a dry run).' })
  dryRun!: boolean;

  @Field(() => [String], { description: 'The dataset ids imported.' })
  datasets!: string[];

  @Field(() => Int, { description: 'Items that are (or would be) created.' })
  created!: number;

  @Field(() => Int, { description: 'Items that are (or would be) changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Items already stored exactly as in the dataset: left alone.' })
  unchanged!: number;

  @Field(() => [ImportSection], { description: 'Per section, in the order they are written.' })
  sections!: ImportSection[];
}

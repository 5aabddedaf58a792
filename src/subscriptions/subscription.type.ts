import { Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { StanceKind } from '../shared/enums.js';
import { Stance } from '../stances/stance.type.js';

export enum StanceChangeKind {
  RECORDED = 'RECORDED',
  UPDATED = 'UPDATED',
  RETRACTED = 'RETRACTED',
  SOURCES_ADDED = 'SOURCES_ADDED',
}

// GraphQL names StanceEvent*, as StanceChange* names the comparison of two rounds (src/changes).
registerEnumType(StanceChangeKind, { name: 'StanceEventKind', description: 'What happened to a stance.' });

@ObjectType('StanceEvent', { description: 'A stance was recorded, updated, retracted or given another source, through any API replica.' })
export class StanceChange {
  @Field(() => StanceChangeKind, { description: 'RECORDED, UPDATED, RETRACTED or SOURCES_ADDED.' })
  change!: StanceChangeKind;

  @Field(() => ID, { description: 'The stance changed.' })
  stanceId!: string;

  @Field(() => Stance, { nullable: true, description: 'The stance as it is now (null if it has since been deleted).' })
  stance!: Stance | null;

  // A token holder's name: for editors only, as Stance.recordedBy and the audit log are
  // (a subscriber without the role gets null here, with UNAUTHENTICATED or FORBIDDEN for it).
  @Authorized('editor')
  @Field(() => String, {
    nullable: true,
    description: 'Who made the change: the token holder’s name, or the command-line user (role editor, like the audit log).',
  })
  by!: string;

  @Field(() => String, { description: 'When it was committed (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: 'Through what: "api", "import" or "cli".' })
  via!: string;

  @Field(() => Int, { description: 'Its number in the audit log; numbers only grow, in commit order.' })
  sequence!: number;

  @Field(() => String, { description: 'What happened, in one line (as in the audit log).' })
  summary!: string;
}

@ObjectType({ description: 'An import committed changes to the graph (importDataset or npm run import).' })
export class ImportFinished {
  // A token holder's name, for editors only (see StanceEvent.by).
  @Authorized('editor')
  @Field(() => String, { nullable: true, description: 'Who imported: the token holder’s name, or the command-line user (role editor, like the audit log).' })
  by!: string;

  @Field(() => String, { description: 'When it was committed (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: '"import" (importDataset) or "cli" (npm run import).' })
  via!: string;

  @Field(() => Int, { description: 'The audit-log number of its last change.' })
  sequence!: number;

  @Field(() => Int, { description: 'Items created.' })
  created!: number;

  @Field(() => Int, { description: 'Items updated (including sources added).' })
  updated!: number;

  @Field(() => Int, { description: 'Changes in all (one audit entry each).' })
  changes!: number;
}

@InputType({ description: 'Which stance changes to receive; every field is optional, and a change must match all that are given.' })
export class StanceChangeFilter {
  @Field(() => [ID], { nullable: true, description: 'Stances of these actors.' })
  actorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Stances on these positions.' })
  positionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Stances taken at these meetings.' })
  meetingIds?: string[] | null;

  @Field(() => [StanceKind], { nullable: true, description: 'Only these kinds of stance.' })
  kinds?: StanceKind[] | null;

  @Field(() => [StanceChangeKind], { nullable: true, description: 'Only these kinds of change.' })
  changes?: StanceChangeKind[] | null;
}

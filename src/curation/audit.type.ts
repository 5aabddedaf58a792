import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { AuditAction, AuditTargetKind } from '../write/audit.js';

@ObjectType({ description: 'One change to the graph: who made it, when, to what, and what changed.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Unique id of the entry.' })
  id!: string;

  @Field(() => String, { description: 'When the change was committed (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: 'Who made it: the name of the API token, or the command-line user.' })
  by!: string;

  @Field(() => AuditAction, { description: 'CREATE, UPDATE, ADD_SOURCE, RETRACT or REVOKE.' })
  action!: AuditAction;

  @Field(() => AuditTargetKind, { description: 'What kind of item was changed.' })
  targetKind!: AuditTargetKind;

  @Field(() => String, { description: 'The id of the item changed (for links: "from -TYPE-> to").' })
  targetId!: string;

  @Field(() => String, { description: 'What happened, in one line.' })
  summary!: string;

  @Field(() => JSONResolver, { nullable: true, description: 'For updates: each changed field with its value before and after.' })
  changes!: unknown;

  @Field(() => String, { description: 'Through what the change came: "api", "import" (importDataset) or "cli" (npm run import).' })
  via!: string;
}

@InputType({ description: 'Which audit entries to list; every field is optional.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Changes to this item.' })
  targetId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this token name.' })
  by?: string | null;

  @Field(() => [AuditAction], { nullable: true, description: 'Only these kinds of change.' })
  actions?: AuditAction[] | null;

  @Field(() => [AuditTargetKind], { nullable: true, description: 'Only changes to these kinds of item.' })
  targetKinds?: AuditTargetKind[] | null;
}

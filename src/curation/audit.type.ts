import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  ADD_SOURCE = 'ADD_SOURCE',
  RETRACT = 'RETRACT',
  REVOKE = 'REVOKE',
}

export enum AuditTargetKind {
  ACTOR = 'ACTOR',
  MEETING = 'MEETING',
  POSITION = 'POSITION',
  DOCUMENT = 'DOCUMENT',
  SOURCE = 'SOURCE',
  STANCE = 'STANCE',
  DISAGREEMENT = 'DISAGREEMENT',
  ATTENDANCE = 'ATTENDANCE',
  MEMBERSHIP = 'MEMBERSHIP',
  MEETING_SEQUENCE = 'MEETING_SEQUENCE',
  AUTHORSHIP = 'AUTHORSHIP',
  DOCUMENT_CONTENT = 'DOCUMENT_CONTENT',
  API_TOKEN = 'API_TOKEN',
}

registerEnumType(AuditAction, { name: 'AuditAction', description: 'What a change did.' });
registerEnumType(AuditTargetKind, { name: 'AuditTargetKind', description: 'What kind of item a change was made to.' });

@ObjectType({ description: 'One change to the graph: who made it, when, to what, and what changed.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'When the change was committed (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: 'Who made it: the name of the API token, or the command-line user.' })
  by!: string;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => AuditTargetKind)
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

  @Field(() => [AuditAction], { nullable: true })
  actions?: AuditAction[] | null;

  @Field(() => [AuditTargetKind], { nullable: true })
  targetKinds?: AuditTargetKind[] | null;
}

/** An entry before it is written: the repository adds id, time and order. */
export interface AuditDraft {
  action: AuditAction;
  targetKind: AuditTargetKind;
  targetId: string;
  summary: string;
  changes?: unknown;
}

/** Through what a change came. */
export type AuditVia = 'api' | 'import' | 'cli';

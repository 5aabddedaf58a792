/**
 * The audit trail's vocabulary, without GraphQL classes, so services and scripts can use it.
 * The GraphQL types are in audit.type.ts.
 */
import { registerEnumType } from 'type-graphql';

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
  STANCE_TARGET = 'STANCE_TARGET',
  INVOLVEMENT = 'INVOLVEMENT',
  API_TOKEN = 'API_TOKEN',
}

registerEnumType(AuditAction, { name: 'AuditAction', description: 'What a change did.' });
registerEnumType(AuditTargetKind, { name: 'AuditTargetKind', description: 'What kind of item a change was made to.' });

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

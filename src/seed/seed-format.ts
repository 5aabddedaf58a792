/**
 * The seed/import data format (formatVersion 1), as TypeScript types. The JSON Schema in
 * schema/seed.schema.json is the authority for the shape; seed/README.md explains it.
 */
export interface EvidenceEntry {
  sourceId: string;
  quote: string;
}

export interface SeedSource {
  id: string;
  publisher: string;
  title: string;
  publishedAt?: string | null;
  language?: string | null;
  url?: string | null;
  file?: string | null;
  /** The report's full text (inline, or read from `file` when the dataset is read). */
  text?: string | null;
  sha256?: string | null;
  retrievedAt?: string | null;
}

export interface SeedActor {
  id: string;
  name: string;
  kind: string;
  aliases?: string[];
  description?: string | null;
  wikidataId?: string | null;
  evidence: EvidenceEntry[];
}

export interface SeedMeeting {
  id: string;
  title: string;
  /** ROUND when omitted (files written before meetings had kinds). */
  kind?: 'ROUND' | 'CONSULTATION' | 'SUMMIT' | 'PHONE_CALL' | 'WORKING_GROUP';
  round?: number | null;
  date?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  durationMinutes?: number | null;
  venue?: string | null;
  city?: string | null;
  status: string;
  evidence: EvidenceEntry[];
}

export interface SeedPosition {
  id: string;
  type: 'DEMAND' | 'PROPOSAL' | 'CONCESSION';
  title: string;
  summary?: string | null;
  topics: string[];
  evidence: EvidenceEntry[];
}

export interface SeedDocument {
  id: string;
  title: string;
  kind: string;
  pages?: number | null;
  parts?: number | null;
  evidence: EvidenceEntry[];
}

export interface SeedStance {
  id: string;
  kind: 'PROPOSED' | 'REJECTED' | 'AGREED_TO' | 'CONSIDERING';
  actorId: string;
  positionId: string;
  meetingId?: string | null;
  date?: string | null;
  plover?: { event?: string | null; mode?: string | null; context?: string[] } | null;
  cameo?: string | null;
  evidence: EvidenceEntry[];
}

/** A TARGETS edge: whom a stance is addressed to or demands something of (PLOVER's target). */
export interface SeedStanceTarget {
  stanceId: string;
  actorId: string;
  evidence: EvidenceEntry[];
}

export type SeedInvolvementRole = 'MUST_ACT' | 'PARTICIPANT' | 'BENEFICIARY' | 'GUARANTOR' | 'MEDIATOR' | 'HOST';

export interface SeedInvolvement {
  positionId: string;
  actorId: string;
  role: SeedInvolvementRole;
  evidence: EvidenceEntry[];
}

export interface SeedAttendance {
  actorId: string;
  meetingId: string;
  role: string;
  evidence: EvidenceEntry[];
}

export interface SeedMembership {
  actorId: string;
  groupId: string;
  role?: string | null;
  evidence: EvidenceEntry[];
}

export interface SeedMeetingLink {
  meetingId: string;
  followsMeetingId: string;
  evidence: EvidenceEntry[];
}

export interface SeedAuthorship {
  actorId: string;
  documentId: string;
  evidence: EvidenceEntry[];
}

export interface SeedDocumentContent {
  documentId: string;
  positionId: string;
  evidence: EvidenceEntry[];
}

export interface SeedDisagreement {
  id: string;
  summary: string;
  concerns: string[];
  versions: Array<{ sourceId: string; claim: string; quote: string }>;
}

export interface SeedDataset {
  $schema?: string;
  formatVersion: 1;
  dataset: { id: string; title: string; description?: string };
  sources?: SeedSource[];
  actors?: SeedActor[];
  meetings?: SeedMeeting[];
  positions?: SeedPosition[];
  documents?: SeedDocument[];
  stances?: SeedStance[];
  stanceTargets?: SeedStanceTarget[];
  attendance?: SeedAttendance[];
  memberships?: SeedMembership[];
  meetingSequence?: SeedMeetingLink[];
  authorship?: SeedAuthorship[];
  documentContents?: SeedDocumentContent[];
  involvement?: SeedInvolvement[];
  disagreements?: SeedDisagreement[];
}

/**
 * Turns rows from Neo4j into the records the GraphQL types expose. Pure functions: unit
 * tested without a database. Nodes and edges store provenance as parallel lists
 * (`sourceIds[i]` is quoted by `evidence[i]`) because Neo4j properties cannot hold maps.
 */
import type { Actor, Membership } from '../actors/actor.type.js';
import type { Disagreement } from '../disagreements/disagreement.type.js';
import type { Document } from '../documents/document.type.js';
import type { Attendance, Meeting } from '../meetings/meeting.type.js';
import type { Position } from '../positions/position.type.js';
import { type Source, toEvidence } from '../sources/source.type.js';
import type { Stance } from '../stances/stance.type.js';
import type { ActorKind, AttendanceRole, DocumentKind, MeetingKind, MeetingStatus, PositionType, StanceKind, StanceStatus, Topic } from './enums.js';

export type Props = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function toActor(p: Props): Actor {
  return {
    id: String(p['id']),
    name: String(p['name']),
    kind: p['kind'] as ActorKind,
    aliases: strings(p['aliases']),
    description: str(p['description']),
    wikidataId: str(p['wikidataId']),
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toMembership(p: Props): Membership {
  return { memberId: String(p['memberId']), groupId: String(p['groupId']), role: str(p['role']), evidence: toEvidence(p['sourceIds'], p['evidence']) };
}

export function toMeeting(p: Props): Meeting {
  return {
    id: String(p['id']),
    title: String(p['title']),
    kind: (str(p['kind']) ?? 'ROUND') as MeetingKind,
    round: num(p['round']),
    date: str(p['date']),
    startedAt: str(p['startedAt']),
    endedAt: str(p['endedAt']),
    durationMinutes: num(p['durationMinutes']),
    venue: str(p['venue']),
    city: str(p['city']),
    status: p['status'] as MeetingStatus,
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toAttendance(p: Props): Attendance {
  return {
    actorId: String(p['actorId']),
    meetingId: String(p['meetingId']),
    role: p['role'] as AttendanceRole,
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toPosition(p: Props): Position {
  return {
    id: String(p['id']),
    type: p['type'] as PositionType,
    title: String(p['title']),
    summary: str(p['summary']),
    topics: strings(p['topics']) as Topic[],
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toStance(p: Props): Stance {
  const event = str(p['ploverEvent']);
  const mode = str(p['ploverMode']);
  const context = strings(p['ploverContext']);
  return {
    id: String(p['id']),
    kind: p['kind'] as StanceKind,
    actorId: String(p['actorId']),
    positionId: String(p['positionId']),
    meetingId: str(p['meetingId']),
    date: str(p['date']),
    plover: event || mode || context.length > 0 ? { event, mode, context } : null,
    cameo: str(p['cameo']),
    status: (str(p['status']) ?? 'ACTIVE') as StanceStatus,
    recordedAt: str(p['recordedAt']),
    recordedBy: str(p['recordedBy']),
    retractedAt: str(p['retractedAt']),
    retractedBy: str(p['retractedBy']),
    retractionReason: str(p['retractionReason']),
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toSource(p: Props): Source {
  return {
    id: String(p['id']),
    publisher: String(p['publisher']),
    title: String(p['title']),
    publishedAt: str(p['publishedAt']),
    language: str(p['language']),
    url: str(p['url']),
    text: str(p['text']),
    sha256: str(p['sha256']),
    retrievedAt: str(p['retrievedAt']),
  };
}

export function toDocument(p: Props): Document {
  return {
    id: String(p['id']),
    title: String(p['title']),
    kind: p['kind'] as DocumentKind,
    pages: num(p['pages']),
    parts: num(p['parts']),
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toDisagreement(p: Props): Disagreement {
  const sourceIds = strings(p['versionSourceIds']);
  const claims = strings(p['versionClaims']);
  const quotes = strings(p['versionQuotes']);
  return {
    id: String(p['id']),
    summary: String(p['summary']),
    versions: sourceIds.map((sourceId, i) => ({ sourceId, claim: claims[i] ?? '', quote: quotes[i] ?? '' })),
    concernIds: strings(p['concernIds']),
  };
}

/** A link record with provenance (AUTHORED, CONTAINS), kept generic: both ends are ids. */
export interface LinkRecord {
  fromId: string;
  toId: string;
  evidence: ReturnType<typeof toEvidence>;
}

export function toLink(p: Props, fromKey: string, toKey: string): LinkRecord {
  return { fromId: String(p[fromKey]), toId: String(p[toKey]), evidence: toEvidence(p['sourceIds'], p['evidence']) };
}

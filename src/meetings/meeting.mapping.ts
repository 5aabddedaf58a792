/** Rows of the meeting queries to Meeting and Attendance records. Pure functions, unit tested without a database. */
import type { AttendanceRole, MeetingKind, MeetingStatus } from '../shared/enums.js';
import { num, type Props, str } from '../shared/row-values.js';
import { toEvidence } from '../sources/source.type.js';
import type { Attendance, Meeting } from './meeting.type.js';

export function toMeeting(p: Props): Meeting {
  return {
    id: String(p['id']),
    title: String(p['title']),
    // Meetings stored before kinds existed were rounds of talks.
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

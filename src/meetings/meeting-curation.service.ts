/** Creating and changing meetings (role editor), through the node writer of src/write/. */
import type { Executor } from '../db/executor.js';
import type { SeedMeeting } from '../shared/seed-format.js';
import { AuditTargetKind } from '../write/audit.js';
import { evidenceOf } from '../write/evidence.js';
import { generateId } from '../write/ids.js';
import { createNode, type NodeSpec, updateNode } from '../write/node-writer.js';
import { sentFields } from '../write/values.js';
import { type Author, Writer } from '../write/writer.js';
import type { CreateMeetingInput, UpdateMeetingInput } from './meeting-curation.input.js';
import { insertMeeting, saveMeeting } from './meeting-curation.repository.js';
import { checkMeeting } from './meeting-curation.rules.js';
import { toMeeting } from './meeting.mapping.js';
import type { Meeting } from './meeting.type.js';

export const MEETING_WRITES: NodeSpec<SeedMeeting, Meeting> = {
  kind: 'meeting',
  label: 'Meeting',
  noun: 'meeting',
  targetKind: AuditTargetKind.MEETING,
  editable: ['title', 'kind', 'round', 'date', 'startedAt', 'endedAt', 'durationMinutes', 'venue', 'city', 'status'],
  check: checkMeeting,
  insert: insertMeeting,
  save: saveMeeting,
  fromStored: (props) => {
    const { id, title, kind, round, date, startedAt, endedAt, durationMinutes, venue, city, status, evidence } = toMeeting(props);
    return { id, title, kind, round, date, startedAt, endedAt, durationMinutes, venue, city, status, evidence };
  },
  toRecord: toMeeting,
  evidence: (m) => m.evidence,
  title: (m) => m.title,
};

export class MeetingCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  createMeeting(by: Author, input: CreateMeetingInput): Promise<Meeting> {
    const meeting: SeedMeeting = {
      id: input.id ?? (input.city && input.date ? generateId('meeting', input.city, input.date) : generateId('meeting', input.title)),
      title: input.title,
      kind: input.kind ?? undefined,
      round: input.round ?? null,
      date: input.date ?? null,
      startedAt: input.startedAt ?? null,
      endedAt: input.endedAt ?? null,
      durationMinutes: input.durationMinutes ?? null,
      venue: input.venue ?? null,
      city: input.city ?? null,
      status: input.status,
      evidence: evidenceOf(input.evidence),
    };
    return createNode(this.writer, by, MEETING_WRITES, meeting, input.id == null);
  }

  updateMeeting(by: Author, id: string, input: UpdateMeetingInput): Promise<Meeting> {
    return updateNode(this.writer, by, MEETING_WRITES, id, sentFields(input) as Partial<SeedMeeting>);
  }
}

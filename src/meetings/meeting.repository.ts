/** The meeting queries: the only place that names `cypher/meetings/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { MeetingKind, MeetingStatus } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { alignById, groupById, type PageResult, pageFromRow } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { foldText } from '../shared/text.js';
import { toAttendance, toMeeting } from './meeting.mapping.js';
import type { Attendance, Meeting } from './meeting.type.js';

export interface MeetingFilter {
  status: MeetingStatus | null;
  /** Only meetings of these kinds (an unset kind counts as ROUND); null for all. */
  kinds: MeetingKind[] | null;
  from: string | null;
  to: string | null;
  title: string | null;
}

export interface MeetingLinks {
  previousIds: string[];
  nextIds: string[];
}

export class MeetingRepository {
  constructor(private readonly reader: Reader) {}

  async findByIds(ids: readonly string[]): Promise<Array<Meeting | null>> {
    const rows = await this.reader.read('meetings/find-meetings-by-ids', { ids: [...ids] });
    return alignById(
      ids,
      rows.map((row) => toMeeting(row['meeting'] as Props)),
    );
  }

  async list(filter: MeetingFilter, window: Window): Promise<PageResult<Meeting>> {
    const params = {
      status: filter.status,
      kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null,
      from: filter.from,
      to: filter.to,
      title: filter.title ? foldText(filter.title) : null,
    };
    const [row] = await this.reader.read('meetings/list-meetings', { ...params, ...window });
    return pageFromRow(window, row, 'meetings', toMeeting);
  }

  async attendanceOfMeetings(meetingIds: readonly string[], window: Window): Promise<Attendance[][]> {
    const rows = await this.reader.read('meetings/find-attendance-by-meetings', { ids: [...meetingIds], ...window });
    return groupById(
      meetingIds,
      rows,
      (row) => String((row['attendance'] as Props)['meetingId']),
      (row) => toAttendance(row['attendance'] as Props),
    );
  }

  async attendanceOfActors(actorIds: readonly string[], window: Window): Promise<Attendance[][]> {
    const rows = await this.reader.read('meetings/find-attendance-by-actors', { ids: [...actorIds], ...window });
    return groupById(
      actorIds,
      rows,
      (row) => String((row['attendance'] as Props)['actorId']),
      (row) => toAttendance(row['attendance'] as Props),
    );
  }

  /** The meetings before and after each meeting (FOLLOWS); `window` pages the later ones. */
  async links(meetingIds: readonly string[], window: Window): Promise<MeetingLinks[]> {
    const rows = await this.reader.read('meetings/find-meeting-links', { ids: [...meetingIds], ...window });
    const found = new Map(rows.map((row) => [String(row['meetingId']), { previousIds: row['previousIds'] as string[], nextIds: row['nextIds'] as string[] }]));
    return meetingIds.map((id) => found.get(id) ?? { previousIds: [], nextIds: [] });
  }
}

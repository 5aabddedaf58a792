/**
 * Stances and attendances as PLOVER event records (one JSON object per line), so the graph
 * can be set beside event datasets (POLECAT, ICEWS recoded to PLOVER). Like those datasets,
 * one record cites one report: a stance reported by four sources is four records.
 *
 * Mapping (docs/analysts.md has the table):
 * - stance edges carry their own PLOVER coding (`ploverEvent`, `ploverMode`, `ploverContext`);
 *   CONSIDERING has no PLOVER event, so such stances are not exported here.
 * - ATTENDED is CONSULT: mode "third-party" for a chair, mediator or host, "multilateral" for
 *   the parties' heads, members and observers (DOMAIN.md); CAMEO 043 host, 045 mediate, 046
 *   negotiate.
 * - `source` is the actor; `recipient` the stance's targets when the sources name them (a
 *   real dyad, `recipient_basis: "target"`), else the other side, computed by the export query.
 * - invitations (INVITED) and meetings that were not held are not events and are left out.
 * Fields outside PLOVER's core go under `negotiation_graph`, so a PLOVER reader can ignore them.
 * Pure functions; unit tested.
 */
import type { Row } from '../db/executor.js';
import { AttendanceRole } from '../shared/enums.js';

export interface PloverCiteInfo {
  source_id: string | null;
  publisher: string | null;
  title: string | null;
  published_at: string | null;
  url: string | null;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  source: string[];
  recipient: string[];
  event: string;
  mode: string | null;
  context: string[];
  text: string | null;
  cite_info: PloverCiteInfo;
  negotiation_graph: {
    edge_type: string;
    edge_id: string;
    source_actor_ids: string[];
    recipient_actor_ids: string[];
    /** "target": the sources name the recipients (TARGETS edges); "inferred": the other side, computed. */
    recipient_basis: 'target' | 'inferred';
    position_id: string | null;
    position: string | null;
    meeting_id: string | null;
    role: string | null;
    cameo: string | null;
  };
}

interface ActorRef {
  id: string;
  name: string;
}

/** PLOVER CONSULT mode of an attendance role. */
export function consultModeOf(role: AttendanceRole): 'third-party' | 'multilateral' {
  switch (role) {
    case AttendanceRole.CHAIR:
    case AttendanceRole.MEDIATOR:
    case AttendanceRole.HOST:
      return 'third-party';
    case AttendanceRole.HEAD:
    case AttendanceRole.MEMBER:
    case AttendanceRole.OBSERVER:
    case AttendanceRole.INVITED: // not exported as events (the query leaves invitations out); an invitee is a party
      return 'multilateral';
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

/** CAMEO code of an attendance role: 043 host a visit, 045 mediate, 046 engage in negotiation. */
export function consultCameoOf(role: AttendanceRole): string {
  switch (role) {
    case AttendanceRole.HOST:
      return '043';
    case AttendanceRole.CHAIR:
    case AttendanceRole.MEDIATOR:
      return '045';
    case AttendanceRole.HEAD:
    case AttendanceRole.MEMBER:
    case AttendanceRole.OBSERVER:
      return '046';
    case AttendanceRole.INVITED:
      return '036';
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const actorRefs = (value: unknown): ActorRef[] =>
  Array.isArray(value)
    ? value
        .filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
        .map((v) => ({ id: String(v['id']), name: String(v['name'] ?? v['id']) }))
    : [];

/**
 * A row of `export/stream-plover-events` as a PLOVER record; null for a stance without a
 * PLOVER event (the query leaves those out already; this guards the contract).
 */
export function toPloverRecord(row: Row): PloverRecord | null {
  const edgeType = String(row['edgeType']);
  const actor: ActorRef = { id: String(row['actorId']), name: String(row['actorName'] ?? row['actorId']) };
  const recipients = actorRefs(row['recipients']);
  const sourceId = str(row['sourceId']);
  const attendance = edgeType === 'ATTENDED';
  const role = attendance ? (str(row['role']) as AttendanceRole | null) : null;

  let event: string | null;
  let mode: string | null;
  let cameo: string | null;
  let edgeId: string;
  if (attendance) {
    event = 'CONSULT';
    mode = role ? consultModeOf(role) : null;
    cameo = role ? consultCameoOf(role) : null;
    // Attendance edges have no id of their own: one actor attends one meeting once.
    edgeId = `attended:${actor.id}@${String(row['meetingId'])}`;
  } else {
    event = str(row['ploverEvent']);
    mode = str(row['ploverMode']);
    cameo = str(row['cameo']);
    edgeId = String(row['edgeId']);
  }
  if (event === null) return null;

  return {
    id: sourceId ? `${edgeId}/${sourceId}` : edgeId,
    date: str(row['date']),
    source: [actor.name],
    recipient: recipients.map((r) => r.name),
    event,
    mode,
    context: strings(row['ploverContext']),
    text: str(row['quote']),
    cite_info: {
      source_id: sourceId,
      publisher: str(row['publisher']),
      title: str(row['sourceTitle']),
      published_at: str(row['publishedAt']),
      url: str(row['url']),
    },
    negotiation_graph: {
      edge_type: edgeType,
      edge_id: edgeId,
      source_actor_ids: [actor.id],
      recipient_actor_ids: recipients.map((r) => r.id),
      recipient_basis: row['recipientBasis'] === 'target' ? 'target' : 'inferred',
      position_id: str(row['positionId']),
      position: str(row['positionTitle']),
      meeting_id: str(row['meetingId']),
      role,
      cameo,
    },
  };
}

export function ploverLine(record: PloverRecord): string {
  return `${JSON.stringify(record)}\n`;
}

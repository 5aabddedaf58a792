/**
 * Per-request DataLoaders. Every relationship field of the API goes through one of these, so
 * a request costs one round trip per relationship kind, however many items it returns (a
 * test counts the queries). Loaders live for one request only: no stale data across requests.
 */
import DataLoader from 'dataloader';

import type { Actor, Membership } from '../actors/actor.type.js';
import type { Executor, Row } from '../db/executor.js';
import type { Disagreement } from '../disagreements/disagreement.type.js';
import type { Document } from '../documents/document.type.js';
import type { Attendance, Meeting } from '../meetings/meeting.type.js';
import type { Position } from '../positions/position.type.js';
import {
  type LinkRecord,
  type Props,
  toActor,
  toAttendance,
  toDisagreement,
  toDocument,
  toLink,
  toMeeting,
  toMembership,
  toPosition,
  toSource,
  toStance,
} from '../shared/mapping.js';
import type { Source } from '../sources/source.type.js';
import type { Stance } from '../stances/stance.type.js';

/** Loads items by id; an unknown id gives null, in the order the ids were asked. */
function byIdLoader<T extends { id: string }>(executor: Executor, queryName: string, column: string, map: (p: Props) => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await executor.read(queryName, { ids: [...ids] });
    const found = new Map(rows.map((row) => map(row[column] as Props)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Loads the list of items that belong to each key, from one query over all the keys. */
function groupedLoader<K, T>(
  executor: Executor,
  queryName: string,
  params: (keys: readonly K[]) => Record<string, unknown>,
  keyOf: (row: Row, item: T) => string,
  map: (row: Row) => T,
  cacheKey: (key: K) => string,
) {
  return new DataLoader<K, T[], string>(
    async (keys) => {
      const rows = await executor.read(queryName, params(keys));
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        const item = map(row);
        const key = keyOf(row, item);
        const list = groups.get(key);
        if (list) list.push(item);
        else groups.set(key, [item]);
      }
      return keys.map((key) => groups.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

const idKey = (id: string) => id;
export interface StanceKey {
  id: string;
  kind: string;
}
const stanceKey = (key: StanceKey) => `${key.id}|${key.kind}`;

export interface MeetingLinks {
  previousIds: string[];
  nextIds: string[];
}

export function createLoaders(executor: Executor) {
  const grouped = <T>(queryName: string, column: string, keyColumn: string, map: (p: Props) => T) =>
    groupedLoader<string, T>(
      executor,
      queryName,
      (ids) => ({ ids: [...ids] }),
      (row) => String((row[column] as Props)[keyColumn] ?? row['key']),
      (row) => map(row[column] as Props),
      idKey,
    );
  const linkLoader = (queryName: string, column: string, from: string, to: string, keyColumn: string) =>
    grouped<LinkRecord>(queryName, column, keyColumn, (p) => ({ ...toLink(p, from, to), key: String(p[keyColumn]) }));

  return {
    actor: byIdLoader<Actor>(executor, 'actors/find-actors-by-ids', 'actor', toActor),
    meeting: byIdLoader<Meeting>(executor, 'meetings/find-meetings-by-ids', 'meeting', toMeeting),
    position: byIdLoader<Position>(executor, 'positions/find-positions-by-ids', 'position', toPosition),
    source: byIdLoader<Source>(executor, 'sources/find-sources-by-ids', 'source', toSource),
    document: byIdLoader<Document>(executor, 'documents/find-documents-by-ids', 'document', toDocument),
    disagreement: byIdLoader<Disagreement>(executor, 'disagreements/find-disagreements-by-ids', 'disagreement', toDisagreement),

    stancesByActor: groupedLoader<StanceKey, Stance>(
      executor,
      'stances/find-stances-by-actors',
      (keys) => ({ keys: keys.map((k) => ({ actorId: k.id, kind: k.kind })) }),
      (row) => String(row['key']),
      (row) => toStance(row['stance'] as Props),
      stanceKey,
    ),
    stancesByPosition: groupedLoader<StanceKey, Stance>(
      executor,
      'stances/find-stances-by-positions',
      (keys) => ({ keys: keys.map((k) => ({ positionId: k.id, kind: k.kind })) }),
      (row) => String(row['key']),
      (row) => toStance(row['stance'] as Props),
      stanceKey,
    ),
    stancesByMeeting: groupedLoader<string, Stance>(
      executor,
      'stances/find-stances-by-meetings',
      (ids) => ({ ids: [...ids] }),
      (row) => String(row['key']),
      (row) => toStance(row['stance'] as Props),
      idKey,
    ),
    membershipsByMember: grouped<Membership>('actors/find-memberships-by-members', 'membership', 'memberId', toMembership),
    membershipsByGroup: grouped<Membership>('actors/find-memberships-by-groups', 'membership', 'groupId', toMembership),
    attendanceByMeeting: grouped<Attendance>('meetings/find-attendance-by-meetings', 'attendance', 'meetingId', toAttendance),
    attendanceByActor: grouped<Attendance>('meetings/find-attendance-by-actors', 'attendance', 'actorId', toAttendance),
    contentsByDocument: linkLoader('documents/find-contents-by-documents', 'content', 'documentId', 'positionId', 'documentId'),
    contentsByPosition: linkLoader('documents/find-contents-by-positions', 'content', 'documentId', 'positionId', 'positionId'),
    authorshipByDocument: linkLoader('documents/find-authorship-by-documents', 'authorship', 'actorId', 'documentId', 'documentId'),
    authorshipByActor: linkLoader('documents/find-authorship-by-actors', 'authorship', 'actorId', 'documentId', 'actorId'),
    disagreementsByConcerned: groupedLoader<string, Disagreement>(
      executor,
      'disagreements/find-disagreements-by-concerned',
      (ids) => ({ ids: [...ids] }),
      (row) => String(row['key']),
      (row) => toDisagreement(row['disagreement'] as Props),
      idKey,
    ),
    meetingLinks: new DataLoader<string, MeetingLinks>(async (ids) => {
      const rows = await executor.read('meetings/find-meeting-links', { ids: [...ids] });
      const found = new Map(
        rows.map((row) => [String(row['meetingId']), { previousIds: row['previousIds'] as string[], nextIds: row['nextIds'] as string[] }]),
      );
      return ids.map((id) => found.get(id) ?? { previousIds: [], nextIds: [] });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

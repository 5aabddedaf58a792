/**
 * The relation writes: the stored edge (with what the service checks about it), and the edge
 * stored the way the seed loader stores it, so an edge written through the API is stored
 * exactly as one loaded from a dataset file.
 */
import type { QueryRunner } from '../db/executor.js';
import { toAttendance } from '../meetings/meeting.mapping.js';
import type { Attendance } from '../meetings/meeting.type.js';
import type { SeedAttendance, SeedInvolvement, SeedStanceTarget } from '../shared/seed-format.js';
import { mergeItems } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import type { Stamp } from '../write/write.repository.js';
import { toInvolvement, toStanceTarget } from './relation.mapping.js';
import type { Involvement, StanceTarget } from './relation.type.js';

/** The TARGETS edge, if recorded, with the stance's own actor and status for the service's checks. */
export interface TargetLink {
  target: StanceTarget | null;
  stanceActorId: string | null;
  status: string | null;
}

export async function findTargetLink(run: QueryRunner, key: { stanceId: string; actorId: string }): Promise<TargetLink> {
  const [row] = await run.run('relations/find-target-link', key);
  return {
    target: row?.['target'] ? toStanceTarget(row['target'] as Props) : null,
    stanceActorId: typeof row?.['stanceActorId'] === 'string' ? row['stanceActorId'] : null,
    status: typeof row?.['status'] === 'string' ? row['status'] : null,
  };
}

export async function findInvolvementLink(run: QueryRunner, key: { positionId: string; actorId: string; role: string }): Promise<Involvement | null> {
  const [row] = await run.run('relations/find-involvement-link', key);
  return row?.['involvement'] ? toInvolvement(row['involvement'] as Props) : null;
}

export async function findAttendanceLink(run: QueryRunner, key: { actorId: string; meetingId: string; role: string }): Promise<Attendance | null> {
  const [row] = await run.run('relations/find-attendance-link', key);
  return row?.['attendance'] ? toAttendance(row['attendance'] as Props) : null;
}

/**
 * Take the write lock of what an edge hangs off (the edge may not exist yet), held until the
 * transaction ends, and return when the edge last changed: the time of its newest audit
 * entry, under `targetId` (none for a new edge).
 */
export const lockStanceOfTarget = (run: QueryRunner, stanceId: string, targetId: string) =>
  lastChange(run.run('relations/lock-stance-of-target', { stanceId, targetId }));
export const lockPositionOfInvolvement = (run: QueryRunner, positionId: string, targetId: string) =>
  lastChange(run.run('relations/lock-position-of-involvement', { positionId, targetId }));
export const lockMeetingOfAttendance = (run: QueryRunner, meetingId: string, targetId: string) =>
  lastChange(run.run('relations/lock-meeting-of-attendance', { meetingId, targetId }));

async function lastChange(rows: Promise<Array<Record<string, unknown>>>): Promise<unknown> {
  const [row] = await rows;
  return row?.['lastChangedAt'];
}

export const saveStanceTarget = (run: QueryRunner, target: SeedStanceTarget, stamp: Stamp) => mergeItems(run, { stanceTargets: [target] }, stamp);
export const saveInvolvement = (run: QueryRunner, involvement: SeedInvolvement, stamp: Stamp) => mergeItems(run, { involvement: [involvement] }, stamp);
export const saveAttendance = (run: QueryRunner, attendance: SeedAttendance, stamp: Stamp) => mergeItems(run, { attendance: [attendance] }, stamp);

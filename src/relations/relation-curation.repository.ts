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

/** What an edge hangs off, whose write lock serialises the edits of the edge (it may not exist yet). */
export type EdgeAnchor =
  | { query: 'relations/lock-stance-of-target'; params: { stanceId: string } }
  | { query: 'relations/lock-position-of-involvement'; params: { positionId: string } }
  | { query: 'relations/lock-meeting-of-attendance'; params: { meetingId: string } };

/**
 * Takes the write lock of the edge's anchor (held until the transaction ends) and returns when
 * the edge last changed: the time of its newest audit entry, under `targetId`, or none.
 */
export async function lockEdge(run: QueryRunner, anchor: EdgeAnchor, targetId: string): Promise<unknown[]> {
  const [row] = await run.run(anchor.query, { ...anchor.params, targetId });
  return [row?.['lastChangedAt']];
}

export const saveStanceTarget = (run: QueryRunner, target: SeedStanceTarget, stamp: Stamp) => mergeItems(run, { stanceTargets: [target] }, stamp);
export const saveInvolvement = (run: QueryRunner, involvement: SeedInvolvement, stamp: Stamp) => mergeItems(run, { involvement: [involvement] }, stamp);
export const saveAttendance = (run: QueryRunner, attendance: SeedAttendance, stamp: Stamp) => mergeItems(run, { attendance: [attendance] }, stamp);

/**
 * The stance writes (cypher/stances/): record a stance, lock one for a change, set its
 * evidence, retract it. Each runs in the transaction it is handed and maps the stored edge.
 */
import type { QueryRunner } from '../db/executor.js';
import type { Props } from '../shared/row-values.js';
import type { Stamp } from '../write/write.repository.js';
import { toStance } from './stance.mapping.js';
import type { Stance } from './stance.type.js';

export async function insertStance(run: QueryRunner, row: unknown, stamp: Stamp): Promise<Stance> {
  const [result] = await run.run('stances/create-stance', { row, now: stamp.now, recordedBy: stamp.by });
  if (!result) throw new Error('stances/create-stance returned nothing');
  return toStance(result['stance'] as Props);
}

/** A stance under its write lock, with the times of its recorded changes (for the next stamp). */
export interface LockedStance {
  stance: Stance;
  changedAt: unknown[];
}

export async function lockStance(run: QueryRunner, id: string): Promise<LockedStance | null> {
  const [row] = await run.run('stances/lock-stance', { id });
  if (!row) return null;
  const props = row['stance'] as Props;
  return { stance: toStance(props), changedAt: [props['recordedAt'], props['updatedAt'], props['retractedAt']] };
}

export async function setStanceEvidence(
  run: QueryRunner,
  id: string,
  provenance: { sourceIds: string[]; evidence: string[]; evidenceText: string },
  stamp: Stamp,
): Promise<Stance> {
  const [row] = await run.run('stances/set-stance-evidence', { id, provenance, now: stamp.now, updatedBy: stamp.by });
  if (!row) throw new Error(`stance ${id} vanished during its update`);
  return toStance(row['stance'] as Props);
}

export async function retractStance(run: QueryRunner, id: string, reason: string, stamp: Stamp): Promise<Stance> {
  const [row] = await run.run('stances/retract-stance', { id, reason, now: stamp.now, retractedBy: stamp.by });
  if (!row) throw new Error(`stance ${id} vanished during its retraction`);
  return toStance(row['stance'] as Props);
}

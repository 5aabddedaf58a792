/**
 * The curation writes: each function runs one named `cypher/curation/*.cypher` (or a seed
 * merge, so API and import store items the same way) in the transaction it is handed, and
 * maps the records. No rules here; the service decides what to write.
 */
import { randomUUID } from 'node:crypto';

import type { Executor, Params, Row } from '../db/executor.js';
import type { Disagreement } from '../disagreements/disagreement.type.js';
import { type Props, toDisagreement, toStance } from '../shared/mapping.js';
import type { Stance } from '../stances/stance.type.js';
import type { AuditDraft, AuditVia } from './audit.js';
import type { AuditEntry } from './audit.type.js';
import type { IdKind } from './curation.rules.js';

/** Anything that runs a named query: a write transaction's scope, or `executor.read` for dry runs. */
export interface Runner {
  run(queryName: string, params?: Params): Promise<Row[]>;
}

/** A runner whose every query is its own read transaction (dry runs: nothing is written). */
export function readRunner(executor: Executor): Runner {
  return { run: (name, params) => executor.read(name, params) };
}

export interface Stamp {
  /** ISO 8601 instant of the change. */
  now: string;
  /** Who makes it. */
  by: string;
}

/** Which of the ids exist, and as what kind. */
/** Takes the import lock until the transaction ends: imports run one after another. */
export async function lockImports(run: Runner): Promise<void> {
  await run.run('curation/lock-imports');
}

export async function findIds(run: Runner, ids: readonly string[]): Promise<Map<string, IdKind>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await run.run('curation/find-ids', { ids: unique });
  return new Map(rows.map((row) => [String(row['id']), row['kind'] as IdKind]));
}

/** Runs a create-<kind> query; returns the stored properties. */
export async function createNode(run: Runner, queryName: string, row: unknown, stamp: Stamp, extra: Params = {}): Promise<Props> {
  const [result] = await run.run(queryName, { row, now: stamp.now, recordedBy: stamp.by, ...extra });
  if (!result) throw new Error(`${queryName} returned nothing`);
  return result['node'] as Props;
}

/** The node's properties, with its write lock held until the transaction ends; null if absent. */
export async function lockNode(run: Runner, label: string, id: string): Promise<Props | null> {
  const [row] = await run.run('curation/lock-node', { label, id });
  return row ? (row['node'] as Props) : null;
}

/** Stores a changed node with the seed loader's merge (same derived texts), then stamps it. */
export async function updateNode(run: Runner, mergeQuery: string, label: string, row: { id: string }, stamp: Stamp): Promise<Props> {
  await run.run(mergeQuery, { rows: [row], now: stamp.now, recordedBy: stamp.by });
  const [result] = await run.run('curation/mark-updated', { label, id: row.id, now: stamp.now, updatedBy: stamp.by });
  if (!result) throw new Error(`${label} ${row.id} vanished during its update`);
  return result['node'] as Props;
}

export async function createStance(run: Runner, row: unknown, stamp: Stamp): Promise<Stance> {
  const [result] = await run.run('curation/create-stance', { row, now: stamp.now, recordedBy: stamp.by });
  if (!result) throw new Error('curation/create-stance returned nothing');
  return toStance(result['stance'] as Props);
}

/** A stance under its write lock, with the times of its recorded changes (for the next stamp). */
export interface LockedStance {
  stance: Stance;
  changedAt: unknown[];
}

export async function lockStance(run: Runner, id: string): Promise<LockedStance | null> {
  const [row] = await run.run('curation/lock-stance', { id });
  if (!row) return null;
  const props = row['stance'] as Props;
  return { stance: toStance(props), changedAt: [props['recordedAt'], props['updatedAt'], props['retractedAt']] };
}

export async function setStanceEvidence(
  run: Runner,
  id: string,
  provenance: { sourceIds: string[]; evidence: string[]; evidenceText: string },
  stamp: Stamp,
): Promise<Stance> {
  const [row] = await run.run('curation/set-stance-evidence', { id, provenance, now: stamp.now, updatedBy: stamp.by });
  if (!row) throw new Error(`stance ${id} vanished during its update`);
  return toStance(row['stance'] as Props);
}

export async function retractStance(run: Runner, id: string, reason: string, stamp: Stamp): Promise<Stance> {
  const [row] = await run.run('curation/retract-stance', { id, reason, now: stamp.now, retractedBy: stamp.by });
  if (!row) throw new Error(`stance ${id} vanished during its retraction`);
  return toStance(row['stance'] as Props);
}

export async function createDisagreement(run: Runner, row: unknown, stamp: Stamp): Promise<Disagreement> {
  const [result] = await run.run('curation/create-disagreement', { row, now: stamp.now, recordedBy: stamp.by });
  if (!result) throw new Error('curation/create-disagreement returned nothing');
  return toDisagreement(result['disagreement'] as Props);
}

/** Writes audit entries in the same transaction as the change they describe. */
export async function writeAudit(run: Runner, drafts: readonly AuditDraft[], stamp: Stamp, via: AuditVia): Promise<void> {
  if (drafts.length === 0) return;
  const entries = drafts.map((draft, seq) => ({
    id: randomUUID(),
    seq,
    by: stamp.by,
    via,
    action: draft.action,
    targetKind: draft.targetKind,
    targetId: draft.targetId,
    summary: draft.summary,
    changes: draft.changes === undefined || draft.changes === null ? null : JSON.stringify(draft.changes),
  }));
  await run.run('curation/create-audit-entries', { entries, now: stamp.now });
}

export interface AuditQuery {
  targetId: string | null;
  by: string | null;
  actions: string[] | null;
  targetKinds: string[] | null;
  limit: number;
  offset: number;
}

export async function listAudit(executor: Executor, query: AuditQuery): Promise<{ total: number; items: AuditEntry[] }> {
  const [row] = await executor.read('curation/list-audit-entries', { ...query });
  const items = ((row?.['items'] as Props[] | undefined) ?? []).map(toAuditEntry);
  return { total: Number(row?.['total'] ?? 0), items };
}

export function toAuditEntry(p: Props): AuditEntry {
  let changes: unknown = null;
  if (typeof p['changes'] === 'string') {
    try {
      changes = JSON.parse(p['changes']);
    } catch {
      changes = p['changes'];
    }
  }
  return {
    id: String(p['id']),
    at: String(p['at']),
    by: String(p['by']),
    action: p['action'] as AuditEntry['action'],
    targetKind: p['targetKind'] as AuditEntry['targetKind'],
    targetId: String(p['targetId']),
    summary: String(p['summary'] ?? ''),
    changes,
    via: String(p['via'] ?? 'api'),
  };
}

/**
 * The queries every write shares (cypher/write/): which ids exist, a node under its write
 * lock, the "updated" stamp, the stored texts of quoted sources, and the audit entries. Each
 * runs in the transaction (or read runner) it is handed; no rules here.
 */
import { randomUUID } from 'node:crypto';

import type { Executor, Params, QueryRunner } from '../db/executor.js';
import type { Props } from '../shared/row-values.js';
import type { AuditDraft, AuditVia } from './audit.js';
import type { IdKind } from './ids.js';

/** When a change is made and by whom (recordedBy/updatedBy and the audit log's `by`). */
export interface Stamp {
  /** ISO 8601 instant of the change. */
  now: string;
  /** Who makes it. */
  by: string;
}

/** A runner whose every query is its own read transaction (dry runs, checks before a write). */
export function readRunner(executor: Executor): QueryRunner {
  return { run: (name, params) => executor.read(name, params) };
}

/**
 * Runs a feature's create query (its repository names it) with the row and the stamp;
 * returns the stored node's properties.
 */
export async function insertNode(run: QueryRunner, queryName: string, row: unknown, stamp: Stamp, extra: Params = {}): Promise<Props> {
  const [result] = await run.run(queryName, { row, now: stamp.now, recordedBy: stamp.by, ...extra });
  if (!result) throw new Error(`${queryName} returned nothing`);
  return result['node'] as Props;
}

/** Which of the ids exist, and as what kind. */
export async function findIds(run: QueryRunner, ids: readonly string[]): Promise<Map<string, IdKind>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await run.run('write/find-ids', { ids: unique });
  return new Map(rows.map((row) => [String(row['id']), row['kind'] as IdKind]));
}

/** The node's properties, with its write lock held until the transaction ends; null if absent. */
export async function lockNode(run: QueryRunner, label: string, id: string): Promise<Props | null> {
  const [row] = await run.run('write/lock-node', { label, id });
  return row ? (row['node'] as Props) : null;
}

/** Stamps who changed a node last, and when; returns its stored properties. */
export async function markUpdated(run: QueryRunner, label: string, id: string, stamp: Stamp): Promise<Props> {
  const [result] = await run.run('write/mark-updated', { label, id, now: stamp.now, updatedBy: stamp.by });
  if (!result) throw new Error(`${label} ${id} vanished during its update`);
  return result['node'] as Props;
}

/** The stored texts of the given sources, by id; sources without text are absent. */
export async function findSourceTexts(run: QueryRunner, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await run.run('write/find-source-texts', { ids: unique });
  return new Map(rows.map((row) => [String(row['id']), String(row['text'])]));
}

/** A quote stored in the graph that a new source text would no longer contain. */
export interface LostQuote {
  sourceId: string;
  /** The item's label, as the import's report gives it (import.plan.ts itemLabel). */
  item: string;
  quote: string;
}

/**
 * The stored quotes citing the given sources that their new texts do not contain (sources
 * given the text they already have are skipped), at most `limit` (write/find-quotes-lost-by-new-texts; used by imports and the seed loader).
 */
export async function findQuotesLostByNewTexts(
  run: QueryRunner,
  sources: ReadonlyArray<{ id: string; sha256: string; text: string }>,
  limit: number,
): Promise<LostQuote[]> {
  if (sources.length === 0) return [];
  const rows = await run.run('write/find-quotes-lost-by-new-texts', { sources, limit });
  return rows.map((row) => ({ sourceId: String(row['sourceId']), item: String(row['item']), quote: String(row['quote']) }));
}

/** Writes audit entries in the same transaction as the change they describe. */
export async function writeAudit(run: QueryRunner, drafts: readonly AuditDraft[], stamp: Stamp, via: AuditVia): Promise<void> {
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
  await run.run('write/create-audit-entries', { entries, now: stamp.now });
}

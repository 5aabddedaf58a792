/**
 * The life of an import run in the graph (docs/imports.md):
 *   STAGING    the validated new and changed rows are written as :ImportBatch nodes, which
 *              no read query matches: nothing is visible yet. A failure, or kill -9 of the
 *              importer or of Neo4j, leaves only these, and they are discarded.
 *   COMMITTED  the commit point, one small transaction: from here the run is completed, by
 *              this importer or, after a crash, by the next `npm run import` (roll forward).
 *              Each batch is applied in one transaction, together with its audit entries and
 *              the removal of its staged copy, so it is applied exactly once.
 *   DONE       every batch applied; the run node stays as the record of the import.
 *   FAILED     applying stopped on an error that a retry would not cure (memory, size); the
 *              rest stays staged until `npm run import -- --resume` finishes it.
 * Each apply transaction first takes the import lock and compares its rows with the graph
 * again, so two concurrent imports of the same file cannot both claim the creations.
 */
import { hostname } from 'node:os';

import type { AuditVia } from '../write/audit.js';
import { type DatasetHeader, mergeDatasetHeader } from '../write/dataset.repository.js';
import { type NodeLabel, NODE_LABELS, POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';
import type { Diff, SectionName } from './import.plan.js';
import type { Executor, Row, QueryRunner } from '../db/executor.js';
import { auditEntries } from './audit-entries.js';
import { type BatchPlan, planBatch, type PlannedRow, SECTION_SPECS } from './batch-plan.js';
import { explainFailure } from './failures.js';
import { Meter, type ProgressSink } from './progress.js';
import { ReportBuilder } from './report.js';

export interface RunInfo {
  id: string;
  by: string;
  via: AuditVia;
}

export async function createRun(executor: Executor, run: RunInfo, files: string[]): Promise<void> {
  await executor.write('import/create-run', { id: run.id, by: run.by, via: run.via, files, now: new Date().toISOString(), pid: process.pid, host: hostname() });
}

export async function setStatus(executor: Executor | QueryRunner, id: string, from: string[], to: string, fields: Row = {}): Promise<boolean> {
  const params = { id, from, to, fields, now: new Date().toISOString() };
  const rows = 'writeTransaction' in executor ? await executor.write('import/set-run-status', params) : await executor.run('import/set-run-status', params);
  return rows.length > 0;
}

export async function stageBatch(
  executor: Executor,
  runId: string,
  batch: { section: SectionName; seq: number; dataset: string; rows: Row[]; allNew: boolean },
): Promise<void> {
  const spec = SECTION_SPECS.get(batch.section);
  if (!spec) throw new Error(`no section ${batch.section}`);
  await executor.write('import/stage-batch', {
    run: runId,
    rank: spec.rank,
    seq: batch.seq,
    query: spec.query,
    section: batch.section,
    dataset: batch.dataset,
    count: batch.rows.length,
    allNew: batch.allNew,
    rows: JSON.stringify(batch.rows),
  });
}

/** Removes a run that wrote nothing: its staged batches, 200 per transaction, then its node. */
export async function discardRun(executor: Executor, runId: string): Promise<void> {
  for (;;) {
    const [row] = await executor.write('import/delete-staged', { run: runId, limit: 200 });
    if (Number(row?.['deleted'] ?? 0) === 0) break;
  }
  await executor.write('import/delete-run', { id: runId });
}

/**
 * Node labels whose all-new batches import/create-nodes writes: every node kind of the table
 * but Disagreement, always merged because its CONCERNS edges are written with it.
 */
const CREATED_LABELS: ReadonlySet<NodeLabel> = new Set(NODE_LABELS.filter((label) => label !== 'Disagreement'));

/**
 * The CREATE query for a staged batch the plan found all new, or undefined for sections always
 * merged (also what `npm run bench:import -- --ceiling` writes). A position's type label comes
 * from the one mapping, as in seed/merge-positions.
 */
export function createQueryOf(diff: Diff): { query: string; params: Row } | undefined {
  if (diff.query === 'stances') return { query: 'import/create-stances', params: {} };
  if (diff.query === 'nodes' && CREATED_LABELS.has(diff.label)) {
    return { query: 'import/create-nodes', params: { label: diff.label, typeLabels: POSITION_TYPE_LABELS } };
  }
  return undefined;
}

interface Applied {
  entries: number;
  rows: number;
  section: SectionName | null;
  items: PlannedRow[];
}

interface BatchKey {
  rank: number;
  seq: number;
  section: string;
  count: number;
}

/**
 * Applies a committed run's staged batches. With `oneTransaction` (small imports: the API, a
 * file of at most one batch) everything is applied in a single transaction, so the import is
 * all-or-nothing even for readers; otherwise batch by batch, resumable.
 */
export async function applyRun(
  executor: Executor,
  run: RunInfo,
  headers: DatasetHeader[],
  report: ReportBuilder,
  options: { oneTransaction: boolean; batchSize: number; progress: ProgressSink; onFirstVisible?: () => void },
): Promise<void> {
  const batches = (await executor.read('import/list-batches', { run: run.id })) as unknown as BatchKey[];
  const total = batches.reduce((n, b) => n + Number(b.count), 0);
  const [numbering] = await executor.read('import/read-run', { id: run.id });
  // Audit entries are numbered across the run (the change feed's importFinished counts them).
  let audited = Number(numbering?.['audited'] ?? 0);
  const planned = Number(numbering?.['planned'] ?? 0);
  const meter = new Meter(options.progress, 'applied');
  let applied = 0;
  let appliedBatches = 0;
  /**
   * Applies one staged batch. What it did is counted (report, progress, audit numbering) by
   * `counted`, only once its transaction committed: a batch retried after a failed commit
   * must not count twice.
   */
  const applyOne = async (outer: QueryRunner, batch: BatchKey, first: boolean, optimistic = false): Promise<Applied> => {
    const scope: QueryRunner = process.env['IMPORT_PROFILE']
      ? {
          run: async (name, params) => {
            const t = Date.now();
            const rows = await outer.run(name, params);
            options.progress(`    [profile] ${name}: ${Date.now() - t} ms`);
            return rows;
          },
        }
      : outer;
    const [stored] = await scope.run('import/read-batch', { run: run.id, rank: batch.rank, seq: batch.seq });
    if (!stored) return { entries: 0, rows: 0, section: null, items: [] }; // applied by another process in the meantime
    const now = new Date().toISOString();
    await scope.run('import/lock-imports');
    if (first) {
      for (const h of headers) await mergeDatasetHeader(scope, h, now);
    }
    const spec = SECTION_SPECS.get(String(stored['section']));
    if (!spec) throw new Error(`staged batch of unknown section ${String(stored['section'])}`);
    const rows = JSON.parse(String(stored['rows'])) as Row[];
    let plan: BatchPlan;
    const create = optimistic && stored['allNew'] === true ? createQueryOf(spec.spec.diff) : undefined;
    if (create) {
      // The bulk of a first import: nodes and stances the plan found absent are created without
      // being compared again; the unique constraints catch any created meanwhile (see below).
      plan = {
        items: rows.map((row) => ({ label: String(row['id']), status: 'create', changed: [], before: {}, after: {}, target: spec.spec.target })),
        write: [],
        conflicts: [],
      };
      await scope.run(create.query, { rows, now, recordedBy: run.by, ...create.params });
    } else {
      plan = await planBatch(scope, spec, rows);
      if (plan.write.length > 0) await scope.run(spec.query, { rows: plan.write, now, recordedBy: run.by, ...spec.params });
    }
    const entries = auditEntries(plan.items, run, String(stored['dataset']), audited);
    if (entries.length > 0) {
      const last = batch === batches[batches.length - 1];
      const runSize = last ? audited + entries.length : Math.max(planned, audited + entries.length + 1);
      await scope.run('import/create-audit-entries', { entries, now, run: run.id, runSize });
    }
    await scope.run('import/delete-batch', { run: run.id, rank: batch.rank, seq: batch.seq });
    await setStatus(scope, run.id, ['COMMITTED'], 'COMMITTED'); // the heartbeat, in the batch's own transaction
    return { entries: entries.length, rows: rows.length, section: spec.section, items: plan.items };
  };
  const counted = (done: Applied) => {
    if (done.section) report.add(done.section, done.items);
    applied += done.rows;
    audited += done.entries;
  };
  const context = (batch: BatchKey | undefined) => ({
    phase: 'applying',
    what: batch ? `${batch.section} (batch of ${batch.count} rows)` : 'the import',
    batchSize: options.batchSize,
    state: options.oneTransaction
      ? 'Nothing of this import was written.'
      : `${appliedBatches} of ${batches.length} batches (${applied} items) are applied; the rest stays staged: "npm run import -- --resume" finishes the import once the cause is fixed.`,
  });

  if (options.oneTransaction) {
    try {
      await executor
        .writeTransactionOnce('import-apply', async (scope) => {
          const done: Applied[] = [];
          for (const [i, batch] of batches.entries()) {
            const one = await applyOne(scope, batch, i === 0);
            audited += one.entries; // the numbering continues within this one transaction
            done.push({ ...one, entries: 0 });
          }
          await setStatus(scope, run.id, ['COMMITTED'], 'DONE', { finishedAt: new Date().toISOString() });
          return done;
        })
        .then((done) => done.forEach(counted));
      options.onFirstVisible?.();
    } catch (error) {
      await discardRun(executor, run.id).catch(() => undefined);
      throw explainFailure(error, context(undefined));
    }
    return;
  }
  for (const [i, batch] of batches.entries()) {
    try {
      try {
        const t = Date.now();
        counted(await executor.writeTransactionOnce(`import-apply ${batch.section}`, (scope) => applyOne(scope, batch, i === 0, true)));
        if (process.env['IMPORT_PROFILE']) options.progress(`    [profile] batch incl. commit: ${Date.now() - t} ms`);
      } catch (error) {
        // Another writer created one of these items since the plan: compare row by row.
        if ((error as { code?: unknown }).code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') throw error;
        counted(await executor.writeTransactionOnce(`import-apply ${batch.section}`, (scope) => applyOne(scope, batch, i === 0)));
      }
    } catch (error) {
      await setStatus(executor, run.id, ['COMMITTED'], 'FAILED').catch(() => undefined);
      throw explainFailure(error, context(batch));
    }
    appliedBatches += 1;
    if (i === 0) options.onFirstVisible?.();
    meter.tick(applied, total > 0 ? applied / total : undefined);
  }
  meter.tick(applied, 1, true);
  await setStatus(executor, run.id, ['COMMITTED'], 'DONE', { finishedAt: new Date().toISOString() });
}

export interface UnfinishedRun {
  id: string;
  status: 'STAGING' | 'COMMITTED' | 'FAILED';
  by: string;
  via: AuditVia;
  datasets: string | null;
  idleSeconds: number;
  pid: number | null;
  host: string | null;
}

/** Whether the process that runs an import is still there (known only on the same machine). */
export function importerAlive(run: Pick<UnfinishedRun, 'pid' | 'host'>): boolean {
  if (run.host !== hostname() || typeof run.pid !== 'number') return true;
  try {
    process.kill(run.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** How long a run on another machine may show no sign of life before it counts as dead. */
const STALE_SECONDS = 600;

/**
 * Cleans up after importers that died: staged runs are discarded (nothing of them was
 * visible), committed ones are completed. Failed runs are completed only when asked
 * (`resumeFailed`): their cause (memory, size) may need fixing first.
 */
export async function recoverRuns(executor: Executor, options: { resumeFailed: boolean; progress: ProgressSink; batchSize: number }): Promise<number> {
  const runs = (await executor.read('import/find-unfinished-runs')) as unknown as UnfinishedRun[];
  let handled = 0;
  for (const run of runs) {
    const dead = run.pid !== process.pid && (!importerAlive(run) || Number(run.idleSeconds) > STALE_SECONDS);
    if (run.status === 'STAGING' && dead) {
      options.progress(`Discarding import run ${run.id} by ${run.by}: its importer stopped before the commit point; nothing of it was visible.`);
      await discardRun(executor, run.id);
      handled += 1;
    } else if ((run.status === 'COMMITTED' && dead) || (run.status === 'FAILED' && options.resumeFailed)) {
      options.progress(
        `Completing import run ${run.id} by ${run.by} (${run.status === 'FAILED' ? 'failed' : 'its importer stopped'} after the commit point) ...`,
      );
      if (run.status === 'FAILED') await setStatus(executor, run.id, ['FAILED'], 'COMMITTED');
      const headers = JSON.parse(run.datasets ?? '[]') as DatasetHeader[];
      await applyRun(executor, run, headers, new ReportBuilder(0), { oneTransaction: false, batchSize: options.batchSize, progress: options.progress });
      handled += 1;
    } else if (run.status === 'FAILED') {
      options.progress(`Note: import run ${run.id} by ${run.by} failed while applying; "npm run import -- --resume" completes it.`);
    }
  }
  return handled;
}

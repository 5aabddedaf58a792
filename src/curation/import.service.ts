/**
 * Imports dataset files (the seed format) through the same validator and loader as the seed:
 *   1. the whole input is validated first, every problem reported with its JSON path;
 *      references may point at ids defined in the file or already in the graph;
 *   2. each item is compared with the graph (read-only Cypher): new, changed or unchanged;
 *   3. a dry run stops here and reports; otherwise only new and changed items are written,
 *      with one audit entry each, all in ONE transaction: on any error nothing is written.
 * Importing the same file twice therefore writes nothing the second time: no timestamps
 * bumped, no audit entries.
 */
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Executor, QueryRunner } from '../db/executor.js';
import type { EvidenceEntry, SeedDataset } from '../shared/seed-format.js';
import { provenance, toWriteBatches, writeDatasets } from '../write/dataset.repository.js';
import { type NamedDataset, type SeedProblem, type Section, validateDatasets } from '../seed/seed-validator.js';
import { findIds, findSourceTexts, readRunner, writeAudit } from '../write/write.repository.js';
import { AuditAction, type AuditDraft, type AuditVia } from '../write/audit.js';
import * as repository from './curation.repository.js';
import type { ImportReport } from './import.type.js';
import {
  BATCHES,
  buildReport,
  chunkDataset,
  collectReferences,
  definedIds,
  diffParams,
  EVIDENCE_FIELDS,
  isShownField,
  itemLabel,
  mergeEvidence,
  onlyChanged,
  type PlannedItem,
  reportedFields,
  sectionOfKind,
} from './import.plan.js';

export interface ImportOptions {
  dryRun: boolean;
  /** Recorded as recordedBy and in the audit log. */
  by: string;
  via: AuditVia;
  progress?: (line: string) => void;
  /** Items per write statement (progress is reported per statement). */
  chunkSize?: number;
}

/** The input has problems; nothing was written. Carries every problem with its JSON path. */
export class ImportValidationError extends AppError {
  constructor(readonly problems: SeedProblem[]) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `Argument "dataset" has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n${problems.map((p) => `  ${p.file}: ${p.path}: ${p.message}`).join('\n')}`,
      { argument: 'dataset', problems },
    );
  }
}

type Row = Record<string, unknown>;

export async function importDatasets(executor: Executor, named: NamedDataset[], options: ImportOptions): Promise<ImportReport> {
  const progress = options.progress ?? (() => undefined);
  const work = async (run: QueryRunner): Promise<ImportReport> => {
    // A real import compares with the graph only once earlier imports have committed: two
    // imports of the same file must not both find the items missing and both claim them.
    if (!options.dryRun) await repository.lockImports(run);
    const datasets = await validate(run, named, progress);
    const plans: Array<{ data: SeedDataset; items: PlannedItem[] }> = [];
    for (const { file, data } of datasets) plans.push(await plan(run, file, data, progress));
    const report = buildReport(
      options.dryRun,
      plans.map((p) => p.data.dataset.id),
      plans.flatMap((p) => p.items),
    );
    if (options.dryRun || report.created + report.updated === 0) return report;

    const stamp = { now: new Date().toISOString(), by: options.by };
    for (const { data, items } of plans) {
      if (items.every((item) => item.status === 'unchanged')) continue;
      progress(`Writing ${data.dataset.id} ...`);
      await writeDatasets(run, chunkDataset(onlyChanged(data, items), options.chunkSize ?? 500), options.by, progress);
      await writeAudit(run, auditDrafts(data, items), stamp, options.via);
    }
    return report;
  };
  return options.dryRun ? work(readRunner(executor)) : executor.writeTransaction('importDataset', (scope) => work(scope));
}

/** Validates the datasets together, with references to ids already in the graph allowed. */
async function validate(run: QueryRunner, named: NamedDataset[], progress: (line: string) => void): Promise<Array<{ file: string; data: SeedDataset }>> {
  progress(`Validating ${named.length === 1 ? named[0]?.file : `${named.length} files`} ...`);
  const referenced = [...new Set(named.flatMap((d) => collectReferences(d.data)))];
  const found = await findIds(run, referenced);
  const known = new Map<string, Section>([...found].map(([id, kind]) => [id, sectionOfKind(kind)]));
  // Quotes citing sources already in the graph are checked against their stored texts.
  const storedTexts = await findSourceTexts(
    run,
    [...found].filter(([, kind]) => kind === 'source').map(([id]) => id),
  );
  const checked = validateDatasets(named, { known, storedTexts });
  if (checked.problems.length > 0) throw new ImportValidationError(checked.problems);
  const count = checked.datasets.reduce((sum, d) => sum + toWriteBatches(d.data).reduce((n, b) => n + b.rows.length, 0), 0);
  const defined = new Set(named.flatMap((d) => definedIds(d.data)));
  const outside = [...found.keys()].filter((id) => !defined.has(id)).length;
  progress(`Valid: ${count} items${outside > 0 ? `, referring to ${outside} more already in the graph` : ''}.`);
  return checked.datasets;
}

/** Compares every item of a dataset with the graph. */
async function plan(run: QueryRunner, file: string, data: SeedDataset, progress: (line: string) => void): Promise<{ data: SeedDataset; items: PlannedItem[] }> {
  const items: PlannedItem[] = [];
  // What will be written: the file, with the sources already stored for each fact kept.
  const merged = structuredClone(data);
  const problems: SeedProblem[] = [];
  for (const batch of toWriteBatches(data)) {
    const spec = BATCHES[batch.query];
    if (!spec || batch.rows.length === 0) continue;
    const rows = batch.rows as Row[];
    const results = await run.run(spec.diff.query, diffParams(spec.diff, rows));
    const byKey = new Map<number, Row[]>();
    for (const result of results) {
      const key = Number(result['key']);
      byKey.set(key, [...(byKey.get(key) ?? []), result]);
    }
    rows.forEach((row, index) => {
      const found = byKey.get(index) ?? [];
      if (spec.diff.query === 'curation/diff-stances') {
        // An id names one claim for good: its kind and ends cannot change by import.
        for (const stored of found) {
          for (const field of ['kind', 'actorId', 'positionId'] as const) {
            if (stored[field] !== row[field]) {
              problems.push({
                file,
                path: `$.stances[${index}].${field}`,
                message: `stance "${String(row['id'])}" is stored as ${String(stored['actorId'])} ${String(stored['kind'])} ${String(stored['positionId'])}; a stance id keeps its meaning: retract that stance and record this one under a new id`,
              });
            }
          }
        }
      }
      let changed = [...new Set(found.flatMap((r) => r['changed'] as string[]))];
      const before = Object.fromEntries(found.flatMap((r) => (r['before'] as Array<{ field: string; before: unknown }>).map((b) => [b.field, b.before])));
      let after = afterValues(row, changed);
      const stored = found.length === 1 ? found[0] : undefined;
      const item = ((merged[spec.section] ?? []) as Array<{ evidence?: EvidenceEntry[] }>)[index];
      if (stored && item?.evidence && Array.isArray(stored['storedSourceIds'])) {
        const evidence = mergeEvidence(item.evidence, stored['storedSourceIds'], stored['storedQuotes']);
        item.evidence = evidence;
        const next: Record<string, unknown> = provenance(evidence);
        const quotes = Array.isArray(stored['storedQuotes']) ? (stored['storedQuotes'] as string[]) : [];
        const previous: Record<string, unknown> = { sourceIds: stored['storedSourceIds'], evidence: quotes, evidenceText: quotes.join('\n') };
        const differing = EVIDENCE_FIELDS.filter((field) => JSON.stringify(next[field]) !== JSON.stringify(previous[field]));
        changed = [...changed.filter((field) => !(EVIDENCE_FIELDS as readonly string[]).includes(field)), ...differing];
        for (const field of differing) {
          before[field] = previous[field];
          after = { ...after, [field]: next[field] };
        }
      }
      items.push({
        section: spec.section,
        index,
        label: itemLabel(spec.diff, row),
        status: found.length === 0 ? 'create' : changed.length > 0 ? 'update' : 'unchanged',
        changed,
        before,
        after,
        target: spec.target,
      });
    });
    const mine = items.filter((i) => i.section === spec.section);
    progress(
      `  checked ${data.dataset.id}: ${spec.section} (${rows.length}: ${mine.filter((i) => i.status === 'create').length} new, ${mine.filter((i) => i.status === 'update').length} changed)`,
    );
  }
  if (problems.length > 0) throw new ImportValidationError(problems);
  return { data: merged, items };
}

/** The values a row would store for the given fields. */
function afterValues(row: Row, fields: readonly string[]): Record<string, unknown> {
  const props = (row['props'] as Row | undefined) ?? {};
  return Object.fromEntries(fields.map((field) => [field, field in props ? props[field] : (row[field] ?? null)]));
}

function auditDrafts(data: SeedDataset, items: readonly PlannedItem[]): AuditDraft[] {
  return items
    .filter((item) => item.status !== 'unchanged')
    .map((item) =>
      item.status === 'create'
        ? { action: AuditAction.CREATE, targetKind: item.target, targetId: item.label, summary: `Imported from ${data.dataset.id}` }
        : {
            action: AuditAction.UPDATE,
            targetKind: item.target,
            targetId: item.label,
            summary: `Updated by import of ${data.dataset.id}: ${reportedFields(item.changed).join(', ')}`,
            changes: Object.fromEntries(
              item.changed.filter(isShownField).map((field) => [field, { from: item.before[field] ?? null, to: item.after[field] ?? null }]),
            ),
          },
    );
}

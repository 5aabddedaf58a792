/**
 * Compares one batch of rows (one section, a few thousand items) with the graph: which are
 * new, changed or unchanged, what each changed field was, and the rows to write, with the
 * sources already stored for a fact kept (an import adds sources, never drops one). Used
 * twice: while reading the file (the plan, and the dry run's report) and again inside each
 * apply transaction, under the import lock, so what is written and audited is what really
 * differed at that moment.
 */
import type { QueryRunner, Row } from '../db/executor.js';
import { diffWithGraph } from './diff.repository.js';
import { BATCHES, diffParams, EVIDENCE_FIELDS, itemLabel, mergeEvidence, type ItemStatus, type SectionName } from './import.plan.js';
import type { AuditTargetKind } from '../write/audit.js';
import type { SeedDataset } from '../shared/seed-format.js';
import { provenance, toWriteBatches } from '../write/dataset.repository.js';

export interface SectionSpec {
  section: SectionName;
  query: string;
  spec: (typeof BATCHES)[SectionName];
  /** Position in the loader's order: nodes before the edges that need them. */
  rank: number;
  /** What the merge query takes besides `$rows`, `$now` and `$recordedBy` (positions: their type labels). */
  params: Row;
}

/** The sections in the order the loader writes them, with each one's merge query. */
const WRITE_ORDER = toWriteBatches({ formatVersion: 1, dataset: { id: 'dataset:x', title: 'x' } });

export const SECTION_SPECS = new Map<string, SectionSpec>(
  WRITE_ORDER.map((batch, rank) => {
    const spec = BATCHES[batch.section as SectionName];
    return [batch.section, { section: spec.section, query: batch.query, spec, rank, params: batch.params ?? {} }];
  }),
);

/** The stored rows (as the seed loader writes them) of a section's items. */
export function rowsOf(section: SectionName, items: unknown[]): Row[] {
  const partial = { formatVersion: 1, dataset: { id: 'dataset:x', title: 'x' }, [section]: items } as unknown as SeedDataset;
  const spec = SECTION_SPECS.get(section);
  return (toWriteBatches(partial).find((b) => b.query === spec?.query)?.rows ?? []) as Row[];
}

export interface PlannedRow {
  label: string;
  status: ItemStatus;
  changed: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  target: AuditTargetKind;
}

export interface BatchPlan {
  items: PlannedRow[];
  /** The new and changed rows, ready for the section's merge query. */
  write: Row[];
  /** Stances whose stored kind or ends differ: index in the batch, field, message. */
  conflicts: Array<{ index: number; field: string; message: string }>;
}

/**
 * Compares rows with the graph. `knownAbsent`: the caller found that the graph holds nothing of
 * this kind (diff.repository graphHoldsNone), so every row is new and the comparison query is skipped.
 */
export async function planBatch(run: QueryRunner, spec: SectionSpec, rows: Row[], knownAbsent = false): Promise<BatchPlan> {
  const diff = spec.spec.diff;
  const results = rows.length === 0 || knownAbsent ? [] : await diffWithGraph(run, diff, diffParams(diff, rows));
  const byKey = new Map<number, Row[]>();
  for (const result of results) {
    const key = Number(result['key']);
    const list = byKey.get(key);
    if (list) list.push(result);
    else byKey.set(key, [result]);
  }
  const plan: BatchPlan = { items: [], write: [], conflicts: [] };
  rows.forEach((original, index) => {
    const found = byKey.get(index) ?? [];
    let row = original;
    if (diff.query === 'stances') {
      // An id names one claim for good: its kind and ends cannot change by import.
      for (const stored of found) {
        for (const field of ['kind', 'actorId', 'positionId'] as const) {
          if (stored[field] !== row[field]) {
            plan.conflicts.push({
              index,
              field,
              message: `stance "${String(row['id'])}" is stored as ${String(stored['actorId'])} ${String(stored['kind'])} ${String(stored['positionId'])}; a stance id keeps its meaning: retract that stance and record this one under a new id`,
            });
          }
        }
      }
    }
    let changed = [...new Set(found.flatMap((r) => r['changed'] as string[]))];
    const before: Record<string, unknown> = Object.fromEntries(
      found.flatMap((r) => (r['before'] as Array<{ field: string; before: unknown }>).map((b) => [b.field, b.before])),
    );
    const stored = found.length === 1 ? found[0] : undefined;
    const props = (row['props'] as Row | undefined) ?? {};
    if (stored && Array.isArray(props['sourceIds']) && Array.isArray(stored['storedSourceIds'])) {
      const fromFile = (props['sourceIds'] as string[]).map((sourceId, i) => ({ sourceId, quote: String((props['evidence'] as string[])[i] ?? '') }));
      const next: Row = provenance(mergeEvidence(fromFile, stored['storedSourceIds'], stored['storedQuotes']));
      const quotes = Array.isArray(stored['storedQuotes']) ? (stored['storedQuotes'] as string[]) : [];
      const previous: Row = { sourceIds: stored['storedSourceIds'], evidence: quotes, evidenceText: quotes.join('\n') };
      const differing = EVIDENCE_FIELDS.filter((field) => JSON.stringify(next[field]) !== JSON.stringify(previous[field]));
      changed = [...changed.filter((field) => !(EVIDENCE_FIELDS as readonly string[]).includes(field)), ...differing];
      for (const field of differing) before[field] = previous[field];
      row = { ...row, props: { ...props, ...next } };
    }
    const status: ItemStatus = found.length === 0 ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
    plan.items.push({ label: itemLabel(diff, row), status, changed, before, after: afterValues(row, changed), target: spec.spec.target });
    if (status !== 'unchanged') plan.write.push(row);
  });
  return plan;
}

/** The values a row would store for the given fields. */
function afterValues(row: Row, fields: readonly string[]): Record<string, unknown> {
  const props = (row['props'] as Row | undefined) ?? {};
  return Object.fromEntries(fields.map((field) => [field, field in props ? props[field] : (row[field] ?? null)]));
}

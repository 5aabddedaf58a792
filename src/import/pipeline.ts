/**
 * One import, CLI or API alike (docs/imports.md):
 *   1. read the input as a stream, validate each item as it comes (same rules as the seed
 *      validator), and compare it with the graph a batch at a time (read-only);
 *   2. stage the new and changed rows of each batch, invisible to readers;
 *   3. once every item has been read: check the references, and with any problem discard
 *      the staged rows and report every problem with its place (file, line, JSON path);
 *   4. otherwise the commit point, then apply the staged batches (journal.ts).
 * A dry run stops after 3 and writes nothing at all. Memory holds one batch and the ids.
 */
import { randomUUID } from 'node:crypto';

import type { AuditVia } from '../write/audit.js';
import { findIds, readRunner } from '../write/write.repository.js';
import { sectionOfKind, type SectionName } from './import.plan.js';
import type { ImportReport } from './import.type.js';
import type { Executor } from '../db/executor.js';
import type { Section } from '../seed/seed-validator.js';
import { planBatch, rowsOf, SECTION_SPECS } from './batch-plan.js';
import { graphHoldsNone } from './diff.repository.js';
import { explainFailure } from './failures.js';
import { checkHeader, checkItem, IdBook, ProblemList } from './item-check.js';
import type { DatasetHeader } from '../write/dataset.repository.js';
import { applyRun, createRun, discardRun, setStatus, stageBatch } from './journal.repository.js';
import { QuoteBook } from './quote-book.js';
import { Meter, type ProgressSink } from './progress.js';
import { ReportBuilder } from './report.js';
import type { ItemSource, Location } from './sources.js';

export interface PipelineOptions {
  dryRun: boolean;
  /** Recorded as recordedBy and in the audit log. */
  by: string;
  via: AuditVia;
  progress?: ProgressSink;
  /** Items per staged batch and per apply transaction. */
  batchSize?: number;
  /** Item labels listed per section in the report (counts are always complete). */
  listLimit?: number;
  /** Called when the first imported items become visible (the benchmark's time to first item). */
  onFirstVisible?: () => void;
}

export const DEFAULT_BATCH_SIZE = 5000;

export class ImportProblems extends Error {
  constructor(
    readonly problems: ProblemList['list'],
    readonly total: number,
  ) {
    super(`${total} problem${total === 1 ? '' : 's'}`);
  }
}

interface Pending {
  items: unknown[];
  wheres: Location[];
}

export async function runImport(executor: Executor, sources: ItemSource[], options: PipelineOptions): Promise<ImportReport> {
  const progress = options.progress ?? (() => undefined);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const run = { id: randomUUID(), by: options.by, via: options.via };
  const problems = new ProblemList();
  const ids = new IdBook();
  const quotes = new QuoteBook();
  const reader = readRunner(executor);
  const plan = new ReportBuilder(options.listLimit ?? Number.MAX_SAFE_INTEGER);
  const headers: DatasetHeader[] = [];
  let staged = 0;
  const inGraphKinds = new Set<SectionName>();
  let seq = 0;
  let read = 0;
  if (!options.dryRun)
    await createRun(
      executor,
      run,
      sources.map((s) => s.file),
    );

  try {
    for (const source of sources) {
      progress(`Reading ${source.file}${source.size !== undefined ? ` (${sizeText(source.size)})` : ''} ...`);
      const meter = new Meter(progress, options.dryRun ? 'read and compared' : 'read, compared and staged');
      const header: Record<string, unknown> = {};
      const mine = new ReportBuilder(0);
      const pending = new Map<string, Pending>();
      const datasetId = () =>
        typeof (header['dataset'] as { id?: unknown } | undefined)?.id === 'string' ? String((header['dataset'] as { id: string }).id) : source.file;

      // One batch is compared and staged while the next is read and validated: Neo4j's work
      // and the importer's overlap. At most one batch is in flight, so memory stays bounded.
      let inFlight: Promise<void> = Promise.resolve();
      const flush = async (section: string) => {
        const batch = pending.get(section);
        pending.delete(section);
        const previous = inFlight;
        inFlight = previous.then(() => compareAndStage(batch, section));
        inFlight.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
        await previous;
      };
      const compareAndStage = async (batch: Pending | undefined, section: string) => {
        const spec = SECTION_SPECS.get(section);
        if (!batch || !spec || batch.items.length === 0) return;
        const profile = process.env['IMPORT_PROFILE']
          ? (what: string, since: number) => progress(`    [profile] ${what}: ${Date.now() - since} ms`)
          : undefined;
        let t = Date.now();
        await quotes.checkBatch(problems, readRunner(executor), batch.items, batch.wheres);
        profile?.(`${section} quote check`, t);
        // Once a problem is found, keep validating but stop comparing and staging.
        if (problems.total > 0) return;
        t = Date.now();
        // A first import into a graph that holds nothing of this kind has nothing to compare with.
        // Once a kind is found in the graph it is compared for the rest of the run (always correct).
        const absent = !inGraphKinds.has(spec.section) && (await graphHoldsNone(readRunner(executor), spec.spec.diff, spec.section));
        if (!absent) inGraphKinds.add(spec.section);
        const result = await planBatch(readRunner(executor), spec, rowsOf(spec.section, batch.items), absent);
        profile?.(`${section} compare`, t);
        for (const conflict of result.conflicts) {
          const where = batch.wheres[conflict.index] as Location;
          problems.add(where, `${where.path}.${conflict.field}`, conflict.message);
        }
        plan.add(spec.section, result.items);
        mine.add(spec.section, result.items);
        if (!options.dryRun && result.write.length > 0 && problems.total === 0) {
          const allNew = result.items.every((item) => item.status === 'create');
          t = Date.now();
          await stageBatch(executor, run.id, { section: spec.section, seq: seq++, dataset: datasetId(), rows: result.write, allNew });
          profile?.(`${section} stage`, t);
          staged += result.write.length;
        }
      };

      for await (const group of source.events()) {
        for (const event of group) {
          if (event.kind === 'broken') problems.add(event.where, event.where.path, event.message);
          else if (event.kind === 'header') header[event.key] = event.value;
          else {
            read += 1;
            if (event.section === 'sources') quotes.noteSource(problems, event.item, event.where, source.dir);
            else quotes.noteItem(event.item, event.where);
            const valid = checkItem(problems, event.section, event.item, event.where);
            // An invalid item's id still counts as defined: no second problem for each reference to it.
            ids.note(problems, event.section, event.index, event.item, event.where);
            if (!valid) continue;
            // Awaited only when it has to look up stored quotes (a few times per run, not per item).
            const lookup = event.section === 'sources' ? undefined : quotes.noteReplacements(reader, event.section as SectionName, event.item);
            if (lookup) await lookup;
            const list = pending.get(event.section) ?? { items: [], wheres: [] };
            pending.set(event.section, list);
            list.items.push(event.item);
            list.wheres.push(event.where);
            if (list.items.length >= batchSize) await flush(event.section);
          }
        }
        meter.tick(read, source.size ? source.bytesRead / source.size : undefined);
      }
      for (const section of [...pending.keys()]) await flush(section);
      await inFlight;
      meter.tick(read, 1, true);
      for (const c of mine.build(options.dryRun, []).sectionCounts) {
        const unchanged = sectionUnchanged(mine.build(options.dryRun, []), c.section);
        progress(`  checked ${datasetId()}: ${c.section} (${c.created + c.updated + unchanged}: ${c.created} new, ${c.updated} changed)`);
      }
      if (checkHeader(problems, header, { file: source.file, path: '$' })) {
        const d = header['dataset'] as { id: string; title: string; description?: string };
        headers.push({ id: d.id, title: d.title, description: d.description ?? null, formatVersion: Number(header['formatVersion']) });
      }
    }

    await quotes.refuseLostQuotes(problems, reader, ids);
    const inGraph = await resolveReferences(executor, ids, problems);
    if (problems.total > 0) throw new ImportProblems(problems.list, problems.total);
    progress(`Valid: ${read} items${inGraph > 0 ? `, referring to ${inGraph} more already in the graph` : ''}.`);
  } catch (error) {
    if (!options.dryRun) await discardRun(executor, run.id).catch(() => undefined);
    throw error instanceof ImportProblems
      ? error
      : explainFailure(error, { phase: 'reading and staging', what: 'the import', batchSize, state: 'Nothing was written.' });
  }

  const datasets = headers.map((h) => h.id);
  if (options.dryRun) return plan.build(true, datasets);
  if (staged === 0) {
    await discardRun(executor, run.id);
    return plan.build(false, datasets);
  }

  // The commit point: from here on the run is completed, if need be after a crash.
  await setStatus(executor, run.id, ['STAGING'], 'COMMITTED', { datasets: JSON.stringify(headers), committedAt: new Date().toISOString(), planned: staged });
  progress(`Writing ${datasets.join(', ')}: ${staged} new or changed items staged and committed; applying ...`);
  const applied = new ReportBuilder(options.listLimit ?? Number.MAX_SAFE_INTEGER);
  const before = plan.build(false, datasets);
  for (const s of before.sectionCounts) applied.addUnchanged(s.section as SectionName, sectionUnchanged(before, s.section));
  await applyRun(executor, run, headers, applied, {
    oneTransaction: staged <= batchSize,
    batchSize,
    progress,
    ...(options.onFirstVisible ? { onFirstVisible: options.onFirstVisible } : {}),
  });
  return applied.build(false, datasets);
}

const sectionUnchanged = (report: ImportReport, section: string): number => report.sections.find((s) => s.section === section)?.unchanged ?? 0;

/** Asks the graph about every id referred to but not defined in the input, 5,000 at a time. */
async function resolveReferences(executor: Executor, ids: IdBook, problems: ProblemList): Promise<number> {
  const outside = ids.outside();
  const found = new Map<string, Section>();
  for (let start = 0; start < outside.length; start += 5000) {
    const kinds = await findIds(readRunner(executor), outside.slice(start, start + 5000));
    for (const [id, kind] of kinds) found.set(id, sectionOfKind(kind));
  }
  ids.resolve(problems, found);
  return found.size;
}

const sizeText = (bytes: number): string => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

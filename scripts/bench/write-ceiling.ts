/**
 * The write ceiling of this machine's Neo4j for an import's items (`npm run bench:import --
 * --ceiling`): the rows the importer would write for the generated file (`rowsOf`), through
 * the importer's own queries (import/create-nodes, import/create-stances,
 * import/create-audit-entries), in transactions of the same size, into a fresh database with
 * the project's schema — and nothing else: no reading or validating in the same run, no
 * staging, no comparison, no import lock, no run heartbeat, no resume bookkeeping.
 *
 * Stance batches alternate between "bare" (the stances only) and "audited" (the stances and
 * their per-item audit entries, as every import writes them), so the two rates are measured
 * under the same conditions. No import of the same rows on the same machine can be faster
 * than the audited rate: it is the bound the import's figures are read against.
 */
import { randomUUID } from 'node:crypto';

import neo4j, { type Driver } from 'neo4j-driver';

import { compactCypher, cypherText, listCypherNames, splitStatements } from '../../src/db/cypher-files.js';
import { auditEntries } from '../../src/import/audit-entries.js';
import { rowsOf } from '../../src/import/batch-plan.js';
import { BATCHES, type SectionName } from '../../src/import/import.plan.js';
import { createQueryOf } from '../../src/import/journal.repository.js';
import type { ItemSource } from '../../src/import/sources.js';

export interface WriteCeiling {
  /** Stances per second, transactions of the stances alone (commit included). */
  bare: number;
  /** Stances per second, with one audit entry per stance in the same transaction. */
  audited: number;
  /** Items per second for the node sections (sources, actors, positions, ...), with audit entries. */
  nodes: number;
}

const query = (name: string) => compactCypher(cypherText(name));

/** Applies the project's schema (constraints, indexes) to an empty database, as the service does. */
async function applySchema(driver: Driver): Promise<void> {
  for (const name of listCypherNames().filter((n) => n.startsWith('schema/'))) {
    for (const statement of splitStatements(cypherText(name))) await driver.executeQuery(statement);
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)');
}

export async function measureWriteCeiling(uri: string, password: string, source: ItemSource, batchSize: number): Promise<WriteCeiling> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
  const run = { id: `ceiling-${randomUUID()}`, by: 'bench', via: 'import' as const };
  const timings = { bare: { ms: 0, n: 0 }, audited: { ms: 0, n: 0 }, nodes: { ms: 0, n: 0 } };
  let audited = 0;
  let stanceBatches = 0;
  try {
    await applySchema(driver);
    await driver.executeQuery('CREATE (:ImportRun {id: $id, audited: 0})', { id: run.id });
    const write = async (section: SectionName, items: unknown[]) => {
      const spec = BATCHES[section];
      // The importer's own CREATE query and its parameters. Links are not modelled: the generated file has none.
      const create = createQueryOf(spec.diff);
      if (!create) return;
      const rows = rowsOf(section, items);
      const withAudit = section !== 'stances' || stanceBatches++ % 2 === 1;
      const now = new Date().toISOString();
      const started = performance.now();
      const session = driver.session();
      try {
        await session.executeWrite(async (tx) => {
          await tx.run(query(create.query), { rows, now, recordedBy: 'bench', ...create.params });
          if (!withAudit) return;
          const planned = rows.map((row) => ({ label: String(row['id']), status: 'create' as const, changed: [], before: {}, after: {}, target: spec.target }));
          const entries = auditEntries(planned, run, 'dataset:ceiling', audited);
          await tx.run(query('import/create-audit-entries'), { entries, now, run: run.id, runSize: 1_000_000_000 });
        });
      } finally {
        await session.close();
      }
      if (withAudit) audited += rows.length;
      const bucket = section !== 'stances' ? timings.nodes : withAudit ? timings.audited : timings.bare;
      bucket.ms += performance.now() - started;
      bucket.n += rows.length;
    };
    let section: SectionName | undefined;
    let batch: unknown[] = [];
    for await (const events of source.events()) {
      for (const event of events) {
        if (event.kind !== 'item') continue;
        const name = event.section as SectionName;
        if ((name !== section && batch.length > 0) || batch.length >= batchSize) {
          await write(section as SectionName, batch);
          batch = [];
        }
        section = name;
        batch.push(event.item);
      }
    }
    if (section && batch.length > 0) await write(section, batch);
  } finally {
    await driver.close();
  }
  const rate = (t: { ms: number; n: number }) => (t.ms > 0 ? Math.round((t.n / t.ms) * 1000) : 0);
  return { bare: rate(timings.bare), audited: rate(timings.audited), nodes: rate(timings.nodes) };
}

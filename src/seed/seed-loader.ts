/**
 * Loads dataset files into Neo4j: validate everything first (nothing is written when any
 * file has a problem), then write it all in ONE transaction with MERGE on ids, so loading
 * twice gives the same graph and a failure half-way writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { Executor, WriteScope } from '../db/executor.js';
import { PROJECT_ROOT } from '../local-neo4j/local-neo4j.js';
import type { Logger } from '../logging/logger.js';
import { searchKeyOf } from '../shared/text.js';
import { attachSourceTexts } from '../sources/dataset-texts.js';
import { sourceTextProps } from '../sources/source-text.js';
import type {
  EvidenceEntry,
  SeedActor,
  SeedDataset,
  SeedDisagreement,
  SeedDocument,
  SeedMeeting,
  SeedPosition,
  SeedSource,
  SeedStance,
} from './seed-format.js';
import { type NamedDataset, type SeedProblem, SeedValidationError, validateDatasets } from './seed-validator.js';

export const SEED_DIR = join(PROJECT_ROOT, 'seed');

/** The dataset files in seed/, in name order. */
export function seedFiles(dir = SEED_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads files as JSON; a file that is not JSON is reported as a problem, not thrown. */
export function readDatasets(files: string[]): { datasets: NamedDataset[]; problems: SeedProblem[] } {
  const datasets: NamedDataset[] = [];
  const problems: SeedProblem[] = [];
  for (const file of files) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      // A source's `file` is read now, so validation and the write see its text inline.
      for (const p of attachSourceTexts(data, dirname(file))) problems.push({ file: basename(file), ...p });
      datasets.push({ file: basename(file), data });
    } catch (error) {
      problems.push({ file: basename(file), path: '$', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { datasets, problems };
}

export interface LoadSummary {
  files: string[];
  counts: Record<string, number>;
}

/** Provenance as stored: parallel lists, plus one text for the full-text index. */
export function provenance(evidence: EvidenceEntry[]) {
  return {
    sourceIds: evidence.map((e) => e.sourceId),
    evidence: evidence.map((e) => e.quote),
    evidenceText: evidence.map((e) => e.quote).join('\n'),
  };
}

/*
 * One row of a merge-*.cypher file per item: what is stored, including the derived texts
 * (searchKey, aliasesText, evidenceText). The curation API builds its writes with these too,
 * so a node written through the API is stored exactly as one loaded from a file.
 */
export const sourceRow = (s: SeedSource) => ({
  id: s.id,
  publishedAt: s.publishedAt ?? null,
  props: {
    publisher: s.publisher,
    title: s.title,
    language: s.language ?? null,
    url: s.url ?? null,
    file: s.file ?? null,
    ...sourceTextProps(s.text, s.retrievedAt),
  },
});

export const actorRow = (a: SeedActor) => ({
  id: a.id,
  props: {
    name: a.name,
    kind: a.kind,
    aliases: a.aliases ?? [],
    aliasesText: (a.aliases ?? []).join(' | '),
    description: a.description ?? null,
    wikidataId: a.wikidataId ?? null,
    searchKey: searchKeyOf(a.name, a.aliases ?? []),
    ...provenance(a.evidence),
  },
});

export const meetingRow = (m: SeedMeeting) => ({
  id: m.id,
  date: m.date ?? null,
  props: {
    title: m.title,
    // Files written before meetings had kinds hold rounds of the talks only.
    kind: m.kind ?? 'ROUND',
    round: m.round ?? null,
    startedAt: m.startedAt ?? null,
    endedAt: m.endedAt ?? null,
    durationMinutes: m.durationMinutes ?? null,
    venue: m.venue ?? null,
    city: m.city ?? null,
    status: m.status,
    searchKey: searchKeyOf(m.title, m.venue, m.city),
    ...provenance(m.evidence),
  },
});

export const positionRow = (p: SeedPosition) => ({
  id: p.id,
  props: { type: p.type, title: p.title, summary: p.summary ?? null, topics: p.topics, searchKey: searchKeyOf(p.title, p.summary), ...provenance(p.evidence) },
});

export const documentRow = (d: SeedDocument) => ({
  id: d.id,
  props: { title: d.title, kind: d.kind, pages: d.pages ?? null, parts: d.parts ?? null, ...provenance(d.evidence) },
});

export const stanceRow = (s: SeedStance) => ({
  id: s.id,
  kind: s.kind,
  actorId: s.actorId,
  positionId: s.positionId,
  date: s.date ?? null,
  props: {
    meetingId: s.meetingId ?? null,
    ploverEvent: s.plover?.event ?? null,
    ploverMode: s.plover?.mode ?? null,
    ploverContext: s.plover?.context ?? [],
    cameo: s.cameo ?? null,
    ...provenance(s.evidence),
  },
});

export const disagreementRow = (d: SeedDisagreement) => ({
  id: d.id,
  concerns: d.concerns,
  props: {
    summary: d.summary,
    versionSourceIds: d.versions.map((v) => v.sourceId),
    versionClaims: d.versions.map((v) => v.claim),
    versionQuotes: d.versions.map((v) => v.quote),
    evidenceText: d.versions.map((v) => `${v.claim}\n${v.quote}`).join('\n'),
  },
});

/** The Cypher parameters of each merge-*.cypher file for one dataset. Pure; unit tested. */
export function toWriteBatches(data: SeedDataset): Array<{ query: string; rows: unknown[] }> {
  return [
    { query: 'seed/merge-sources', rows: (data.sources ?? []).map(sourceRow) },
    { query: 'seed/merge-actors', rows: (data.actors ?? []).map(actorRow) },
    { query: 'seed/merge-meetings', rows: (data.meetings ?? []).map(meetingRow) },
    { query: 'seed/merge-positions', rows: (data.positions ?? []).map(positionRow) },
    { query: 'seed/merge-documents', rows: (data.documents ?? []).map(documentRow) },
    { query: 'seed/merge-stances', rows: (data.stances ?? []).map(stanceRow) },
    {
      query: 'seed/merge-stance-targets',
      rows: (data.stanceTargets ?? []).map((t) => ({ stanceId: t.stanceId, actorId: t.actorId, props: { stanceId: t.stanceId, ...provenance(t.evidence) } })),
    },
    {
      query: 'seed/merge-attendance',
      rows: (data.attendance ?? []).map((a) => ({ actorId: a.actorId, meetingId: a.meetingId, props: { role: a.role, ...provenance(a.evidence) } })),
    },
    {
      query: 'seed/merge-memberships',
      rows: (data.memberships ?? []).map((m) => ({ actorId: m.actorId, groupId: m.groupId, props: { role: m.role ?? null, ...provenance(m.evidence) } })),
    },
    {
      query: 'seed/merge-meeting-sequence',
      rows: (data.meetingSequence ?? []).map((m) => ({ meetingId: m.meetingId, followsMeetingId: m.followsMeetingId, props: provenance(m.evidence) })),
    },
    {
      query: 'seed/merge-authorship',
      rows: (data.authorship ?? []).map((a) => ({ actorId: a.actorId, documentId: a.documentId, props: provenance(a.evidence) })),
    },
    {
      query: 'seed/merge-document-contents',
      rows: (data.documentContents ?? []).map((c) => ({ documentId: c.documentId, positionId: c.positionId, props: provenance(c.evidence) })),
    },
    {
      query: 'seed/merge-involvement',
      rows: (data.involvement ?? []).map((v) => ({ positionId: v.positionId, actorId: v.actorId, props: { role: v.role, ...provenance(v.evidence) } })),
    },
    { query: 'seed/merge-disagreements', rows: (data.disagreements ?? []).map(disagreementRow) },
  ];
}

/** Writes validated datasets in the given (already open) transaction. */
export async function writeDatasets(
  scope: WriteScope,
  datasets: SeedDataset[],
  recordedBy: string,
  progress?: (line: string) => void,
): Promise<Record<string, number>> {
  const now = new Date().toISOString();
  const counts: Record<string, number> = {};
  for (const data of datasets) {
    await scope.run('seed/merge-dataset', {
      id: data.dataset.id,
      title: data.dataset.title,
      description: data.dataset.description ?? null,
      formatVersion: data.formatVersion,
      now,
    });
    for (const batch of toWriteBatches(data)) {
      if (batch.rows.length === 0) continue;
      await scope.run(batch.query, { rows: batch.rows, now, recordedBy });
      const section = batch.query.replace('seed/merge-', '');
      counts[section] = (counts[section] ?? 0) + batch.rows.length;
      progress?.(`  ${data.dataset.id}: ${section} (${batch.rows.length})`);
    }
  }
  return counts;
}

/**
 * Validates and loads the given files (default: every seed/*.json) in one transaction.
 * Throws SeedValidationError listing every problem, before writing anything.
 */
export async function loadSeed(
  executor: Executor,
  options: { files?: string[]; recordedBy?: string; progress?: (line: string) => void } = {},
): Promise<LoadSummary> {
  const files = options.files ?? seedFiles();
  const read = readDatasets(files);
  const checked = validateDatasets(read.datasets);
  const problems = [...read.problems, ...checked.problems];
  if (problems.length > 0) throw new SeedValidationError(problems);
  const counts = await executor.writeTransaction('seed', (scope) =>
    writeDatasets(
      scope,
      checked.datasets.map((d) => d.data),
      options.recordedBy ?? 'seed',
      options.progress,
    ),
  );
  return { files: files.map((f) => basename(f)), counts };
}

/** Loads the seed when the database holds no nodes at all (first start on a new database). */
export async function seedIfEmpty(executor: Executor, logger: Logger): Promise<void> {
  const [row] = await executor.read('seed/count-nodes');
  if (Number(row?.['nodes'] ?? 0) > 0) return;
  logger.info('database is empty; loading the seed dataset');
  const summary = await loadSeed(executor);
  logger.info('seed loaded', { files: summary.files, counts: summary.counts });
}

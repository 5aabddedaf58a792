/**
 * How a dataset's items are stored: one row per item for each `cypher/seed/merge-*.cypher`
 * file, with the derived texts (searchKey, aliasesText, evidenceText). The seed loader, the
 * import and every curation mutation write through these functions, so an item written
 * through the API is stored exactly as one loaded from a file. The only place that names the
 * dataset queries.
 */
import type { Executor, Params, QueryRunner } from '../db/executor.js';
import { POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';
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
} from '../shared/seed-format.js';
import { sourceTextProps } from '../shared/source-text.js';
import { searchKeyOf } from '../shared/text.js';

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

/** One merge-*.cypher file's rows, and the parameters it takes besides `$rows`, `$now` and `$recordedBy`. */
export interface WriteBatch {
  query: string;
  section: string;
  rows: unknown[];
  params?: Params;
}

/** The Cypher parameters of each merge-*.cypher file for one dataset. Pure; unit tested. */
export function toWriteBatches(data: Partial<SeedDataset>): WriteBatch[] {
  return [
    { query: 'seed/merge-sources', section: 'sources', rows: (data.sources ?? []).map(sourceRow) },
    { query: 'seed/merge-actors', section: 'actors', rows: (data.actors ?? []).map(actorRow) },
    { query: 'seed/merge-meetings', section: 'meetings', rows: (data.meetings ?? []).map(meetingRow) },
    // The type labels come from the one mapping rather than being spelled out in the query.
    { query: 'seed/merge-positions', section: 'positions', rows: (data.positions ?? []).map(positionRow), params: { typeLabels: POSITION_TYPE_LABELS } },
    { query: 'seed/merge-documents', section: 'documents', rows: (data.documents ?? []).map(documentRow) },
    { query: 'seed/merge-stances', section: 'stances', rows: (data.stances ?? []).map(stanceRow) },
    {
      query: 'seed/merge-stance-targets',
      section: 'stanceTargets',
      rows: (data.stanceTargets ?? []).map((t) => ({ stanceId: t.stanceId, actorId: t.actorId, props: { stanceId: t.stanceId, ...provenance(t.evidence) } })),
    },
    {
      query: 'seed/merge-attendance',
      section: 'attendance',
      rows: (data.attendance ?? []).map((a) => ({ actorId: a.actorId, meetingId: a.meetingId, props: { role: a.role, ...provenance(a.evidence) } })),
    },
    {
      query: 'seed/merge-memberships',
      section: 'memberships',
      rows: (data.memberships ?? []).map((m) => ({ actorId: m.actorId, groupId: m.groupId, props: { role: m.role ?? null, ...provenance(m.evidence) } })),
    },
    {
      query: 'seed/merge-meeting-sequence',
      section: 'meetingSequence',
      rows: (data.meetingSequence ?? []).map((m) => ({ meetingId: m.meetingId, followsMeetingId: m.followsMeetingId, props: provenance(m.evidence) })),
    },
    {
      query: 'seed/merge-authorship',
      section: 'authorship',
      rows: (data.authorship ?? []).map((a) => ({ actorId: a.actorId, documentId: a.documentId, props: provenance(a.evidence) })),
    },
    {
      query: 'seed/merge-document-contents',
      section: 'documentContents',
      rows: (data.documentContents ?? []).map((c) => ({ documentId: c.documentId, positionId: c.positionId, props: provenance(c.evidence) })),
    },
    {
      query: 'seed/merge-involvement',
      section: 'involvement',
      rows: (data.involvement ?? []).map((v) => ({ positionId: v.positionId, actorId: v.actorId, props: { role: v.role, ...provenance(v.evidence) } })),
    },
    { query: 'seed/merge-disagreements', section: 'disagreements', rows: (data.disagreements ?? []).map(disagreementRow) },
  ];
}

/**
 * Stores items with the seed's own merge queries, without a dataset node: the curation API
 * stores a changed item or edge this way, exactly as a dataset file would store it.
 */
export async function mergeItems(scope: QueryRunner, items: Partial<SeedDataset>, stamp: { now: string; by: string }): Promise<void> {
  for (const batch of toWriteBatches(items)) {
    if (batch.rows.length > 0) await scope.run(batch.query, { rows: batch.rows, now: stamp.now, recordedBy: stamp.by, ...batch.params });
  }
}

/** The dataset node itself: id, title, description and format version. */
export interface DatasetHeader {
  id: string;
  title: string;
  description: string | null;
  formatVersion: number;
}

export async function mergeDatasetHeader(scope: QueryRunner, header: DatasetHeader, now: string): Promise<void> {
  await scope.run('seed/merge-dataset', { ...header, now });
}

/** Writes validated datasets in the given (already open) transaction. */
export async function writeDatasets(
  scope: QueryRunner,
  datasets: SeedDataset[],
  recordedBy: string,
  progress?: (line: string) => void,
): Promise<Record<string, number>> {
  const now = new Date().toISOString();
  const counts: Record<string, number> = {};
  for (const data of datasets) {
    const { id, title, description } = data.dataset;
    await mergeDatasetHeader(scope, { id, title, description: description ?? null, formatVersion: data.formatVersion }, now);
    for (const batch of toWriteBatches(data)) {
      if (batch.rows.length === 0) continue;
      await scope.run(batch.query, { rows: batch.rows, now, recordedBy, ...batch.params });
      const section = batch.query.replace('seed/merge-', '');
      counts[section] = (counts[section] ?? 0) + batch.rows.length;
      progress?.(`  ${data.dataset.id}: ${section} (${batch.rows.length})`);
    }
  }
  return counts;
}

/** How many nodes the database holds (the seed is loaded into an empty database only). */
export async function countNodes(executor: Executor): Promise<number> {
  const [row] = await executor.read('seed/count-nodes');
  return Number(row?.['nodes'] ?? 0);
}

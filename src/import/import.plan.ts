/**
 * The pure half of an import (unit tested): which ids a file refers to, how each section of
 * the seed format is compared with the graph, which items a write must include, and the
 * report. The I/O half is import.service.ts.
 */
import type { NodeLabel } from '../shared/graph-kinds.js';
import type { EvidenceEntry, SeedDataset } from '../shared/seed-format.js';
import type { Section } from '../seed/seed-validator.js';
import { AuditTargetKind } from '../write/audit.js';
import type { IdKind } from '../write/ids.js';
import type { ImportReport, ImportSection } from './import.type.js';
import type { Row } from '../db/executor.js';

/** The list sections of the format, in the order the loader writes them. */
export const SECTIONS = [
  'sources',
  'actors',
  'meetings',
  'positions',
  'documents',
  'stances',
  'stanceTargets',
  'attendance',
  'memberships',
  'meetingSequence',
  'authorship',
  'documentContents',
  'involvement',
  'disagreements',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** How a section is compared: nodes by their label (from the one table of graph kinds), stances, or edges by relationship type and end fields. */
export type Diff =
  { query: 'nodes'; label: NodeLabel; dates: readonly string[] } | { query: 'stances' } | { query: 'links'; type: string; from: string; to: string };

/** How the rows of each section are compared with the graph (import/diff-<kind>.cypher). */
export const BATCHES: Record<SectionName, { section: SectionName; target: AuditTargetKind; diff: Diff }> = {
  sources: { section: 'sources', target: AuditTargetKind.SOURCE, diff: { query: 'nodes', label: 'Source', dates: ['publishedAt'] } },
  actors: { section: 'actors', target: AuditTargetKind.ACTOR, diff: { query: 'nodes', label: 'Actor', dates: [] } },
  meetings: { section: 'meetings', target: AuditTargetKind.MEETING, diff: { query: 'nodes', label: 'Meeting', dates: ['date'] } },
  positions: { section: 'positions', target: AuditTargetKind.POSITION, diff: { query: 'nodes', label: 'Position', dates: [] } },
  documents: { section: 'documents', target: AuditTargetKind.DOCUMENT, diff: { query: 'nodes', label: 'Document', dates: [] } },
  stances: { section: 'stances', target: AuditTargetKind.STANCE, diff: { query: 'stances' } },
  stanceTargets: {
    section: 'stanceTargets',
    target: AuditTargetKind.STANCE_TARGET,
    diff: { query: 'links', type: 'TARGETS', from: 'stanceId', to: 'actorId' },
  },
  attendance: {
    section: 'attendance',
    target: AuditTargetKind.ATTENDANCE,
    diff: { query: 'links', type: 'ATTENDED', from: 'actorId', to: 'meetingId' },
  },
  memberships: {
    section: 'memberships',
    target: AuditTargetKind.MEMBERSHIP,
    diff: { query: 'links', type: 'MEMBER_OF', from: 'actorId', to: 'groupId' },
  },
  meetingSequence: {
    section: 'meetingSequence',
    target: AuditTargetKind.MEETING_SEQUENCE,
    diff: { query: 'links', type: 'FOLLOWS', from: 'meetingId', to: 'followsMeetingId' },
  },
  authorship: {
    section: 'authorship',
    target: AuditTargetKind.AUTHORSHIP,
    diff: { query: 'links', type: 'AUTHORED', from: 'actorId', to: 'documentId' },
  },
  documentContents: {
    section: 'documentContents',
    target: AuditTargetKind.DOCUMENT_CONTENT,
    diff: { query: 'links', type: 'CONTAINS', from: 'documentId', to: 'positionId' },
  },
  involvement: {
    section: 'involvement',
    target: AuditTargetKind.INVOLVEMENT,
    diff: { query: 'links', type: 'INVOLVES', from: 'positionId', to: 'actorId' },
  },
  disagreements: {
    section: 'disagreements',
    target: AuditTargetKind.DISAGREEMENT,
    diff: { query: 'nodes', label: 'Disagreement', dates: [] },
  },
};

/** What a section's batch row is called in reports and the audit log. */
export function itemLabel(diff: Diff, row: Row): string {
  if (diff.query === 'links') {
    const role = diff.type === 'ATTENDED' || diff.type === 'INVOLVES' ? `(${String((row['props'] as Row | undefined)?.['role'])})` : '';
    return `${String(row[diff.from])} -${diff.type}${role}-> ${String(row[diff.to])}`;
  }
  return String(row['id']);
}

/** The parameters of a diff query for a batch's rows; `key` is the row's index. */
export function diffParams(diff: Diff, rows: readonly Row[]): Record<string, unknown> {
  switch (diff.query) {
    case 'nodes':
      return {
        label: diff.label,
        rows: rows.map((row, key) => ({
          key,
          id: row['id'],
          props: row['props'],
          dates: Object.fromEntries(diff.dates.map((name) => [name, row[name] ?? null])),
          ...(row['concerns'] !== undefined ? { concerns: row['concerns'] } : {}),
        })),
      };
    case 'stances':
      return { rows: rows.map((row, key) => ({ key, id: row['id'], date: row['date'] ?? null, props: row['props'] })) };
    case 'links':
      return { type: diff.type, rows: rows.map((row, key) => ({ key, fromId: row[diff.from], toId: row[diff.to], props: row['props'] })) };
    default: {
      const unreachable: never = diff;
      return unreachable;
    }
  }
}

/** Stored fields that are derived from others; reports name the field they come from. */
const REPORTED_AS: Record<string, string | null> = {
  searchKey: null,
  aliasesText: 'aliases',
  evidenceText: 'evidence',
  sourceIds: 'evidence',
  versionSourceIds: 'versions',
  versionClaims: 'versions',
  versionQuotes: 'versions',
  ploverEvent: 'plover',
  ploverMode: 'plover',
  ploverContext: 'plover',
};

/** The fields of the file format that a list of changed stored properties amounts to. */
export function reportedFields(changed: readonly string[]): string[] {
  const fields = changed.map((field) => (field in REPORTED_AS ? REPORTED_AS[field] : field)).filter((f): f is string => f !== null && f !== undefined);
  const unique = [...new Set(fields)];
  // A changed searchKey alone cannot happen without its name or title, but say so if it does.
  return unique.length > 0 ? unique : [...new Set(changed)];
}

/** Stored properties worth showing in an audit entry (not the derived search texts). */
export function isShownField(field: string): boolean {
  return field !== 'searchKey' && field !== 'aliasesText' && field !== 'evidenceText';
}

const ID_KIND_SECTIONS: Record<IdKind, Section> = {
  actor: 'actors',
  meeting: 'meetings',
  position: 'positions',
  document: 'documents',
  source: 'sources',
  disagreement: 'disagreements',
  stance: 'stances',
};

export const sectionOfKind = (kind: IdKind): Section => ID_KIND_SECTIONS[kind];

/**
 * Every id a (not yet validated) file refers to, so the graph can say which exist: an import
 * may refer to actors, positions and sources already in the graph without repeating them.
 */
export function collectReferences(data: unknown): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length > 0 && value.length <= 300) ids.add(value);
  };
  const list = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((v): v is Row => v !== null && typeof v === 'object') : []);
  const root = (data !== null && typeof data === 'object' ? data : {}) as Row;
  for (const section of SECTIONS) {
    for (const item of list(root[section])) {
      for (const key of ['actorId', 'positionId', 'meetingId', 'groupId', 'followsMeetingId', 'documentId', 'stanceId']) add(item[key]);
      for (const entry of list(item['evidence'])) add(entry['sourceId']);
      for (const version of list(item['versions'])) add(version['sourceId']);
      if (Array.isArray(item['concerns'])) item['concerns'].forEach(add);
    }
  }
  return [...ids];
}

/** The stored properties that hold a fact's provenance (see seed-loader `provenance`). */
export const EVIDENCE_FIELDS = ['sourceIds', 'evidence', 'evidenceText'] as const;

/**
 * The evidence an import stores for a fact that exists: the file's entries (its quote wins
 * for a source both name), then every source stored before that the file does not name. An
 * import adds sources to a fact; it never drops one that another import or an editor added.
 */
export function mergeEvidence(fromFile: readonly EvidenceEntry[], storedIds: unknown, storedQuotes: unknown): EvidenceEntry[] {
  const ids = Array.isArray(storedIds) ? (storedIds as unknown[]) : [];
  const quotes = Array.isArray(storedQuotes) ? (storedQuotes as unknown[]) : [];
  const named = new Set(fromFile.map((e) => e.sourceId));
  const kept = ids.map((id, i) => ({ sourceId: String(id), quote: String(quotes[i] ?? '') })).filter((entry) => !named.has(entry.sourceId));
  return [...fromFile, ...kept];
}

/** The ids a (not yet validated) file defines itself. */
export function definedIds(data: unknown): string[] {
  const root = (data !== null && typeof data === 'object' ? data : {}) as Row;
  return SECTIONS.flatMap((section) => (Array.isArray(root[section]) ? (root[section] as unknown[]) : []))
    .map((item) => (item !== null && typeof item === 'object' ? (item as Row)['id'] : undefined))
    .filter((id): id is string => typeof id === 'string');
}

export type ItemStatus = 'create' | 'update' | 'unchanged';

export interface PlannedItem {
  section: SectionName;
  index: number;
  label: string;
  status: ItemStatus;
  /** Changed stored properties (for updates). */
  changed: string[];
  /** Their stored values before the import. */
  before: Record<string, unknown>;
  /** Their values after it, as the batch row holds them. */
  after: Record<string, unknown>;
  target: AuditTargetKind;
}

/** The dataset with only the items that will be created or updated. */
export function onlyChanged(data: SeedDataset, items: readonly PlannedItem[]): SeedDataset {
  const keep = new Map<SectionName, Set<number>>();
  for (const item of items) {
    if (item.status === 'unchanged') continue;
    const set = keep.get(item.section) ?? new Set<number>();
    set.add(item.index);
    keep.set(item.section, set);
  }
  const filtered: Record<string, unknown> = { ...data };
  for (const section of SECTIONS) {
    const list = (data[section] ?? []) as unknown[];
    filtered[section] = list.filter((_, i) => keep.get(section)?.has(i) ?? false);
  }
  return filtered as unknown as SeedDataset;
}

/**
 * Splits a dataset into pieces of at most `size` items of one section each, in the order the
 * loader writes sections (nodes before the edges that need them), for progress reporting.
 */
export function chunkDataset(data: SeedDataset, size: number): SeedDataset[] {
  const empty: Record<string, unknown> = { ...data };
  for (const section of SECTIONS) empty[section] = [];
  const chunks: SeedDataset[] = [];
  for (const section of SECTIONS) {
    const list = (data[section] ?? []) as unknown[];
    for (let start = 0; start < list.length; start += size) {
      chunks.push({ ...empty, [section]: list.slice(start, start + size) } as unknown as SeedDataset);
    }
  }
  return chunks;
}

export function buildReport(dryRun: boolean, datasetIds: string[], items: readonly PlannedItem[]): ImportReport {
  const sections: ImportSection[] = SECTIONS.map((section) => {
    const mine = items.filter((item) => item.section === section);
    return {
      section,
      created: mine.filter((i) => i.status === 'create').map((i) => i.label),
      updated: mine.filter((i) => i.status === 'update').map((i) => ({ item: i.label, fields: reportedFields(i.changed) })),
      unchanged: mine.filter((i) => i.status === 'unchanged').length,
    };
  }).filter((s) => s.created.length + s.updated.length + s.unchanged > 0);
  return {
    dryRun,
    datasets: datasetIds,
    created: items.filter((i) => i.status === 'create').length,
    updated: items.filter((i) => i.status === 'update').length,
    unchanged: items.filter((i) => i.status === 'unchanged').length,
    sections,
  };
}

/** The report as text lines, for the command line. */
export function formatReport(
  report: ImportReport & { sectionCounts?: Array<{ section: string; created: number; updated: number }> },
  maxListed = 20,
): string[] {
  const lines: string[] = [];
  const verb = report.dryRun ? { create: 'to create', update: 'to update' } : { create: 'created', update: 'updated' };
  for (const s of report.sections) {
    // Large imports list only the first items; the counts cover all of them.
    const counts = report.sectionCounts?.find((c) => c.section === s.section) ?? { created: s.created.length, updated: s.updated.length };
    lines.push(`  ${s.section}: ${counts.created} ${verb.create}, ${counts.updated} ${verb.update}, ${s.unchanged} unchanged`);
    s.created.slice(0, maxListed).forEach((item) => lines.push(`    + ${item}`));
    if (counts.created > maxListed) lines.push(`    + ... and ${counts.created - maxListed} more`);
    s.updated.slice(0, maxListed).forEach((u) => lines.push(`    ~ ${u.item} (${u.fields.join(', ')})`));
    if (counts.updated > maxListed) lines.push(`    ~ ... and ${counts.updated - maxListed} more`);
  }
  lines.push(`Total: ${report.created} ${verb.create}, ${report.updated} ${verb.update}, ${report.unchanged} unchanged.`);
  return lines;
}

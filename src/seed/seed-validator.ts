/**
 * Validates dataset files before anything is written: first the shape (JSON Schema), then
 * what a schema cannot say (ids unique across files, references that resolve, one quote per
 * source). Every problem is reported, each with its file and JSON path, not just the first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { PROJECT_ROOT } from '../config/paths.js';
import { checkDatasetQuotes } from './dataset-texts.js';
import type { EvidenceEntry, SeedDataset } from '../shared/seed-format.js';

export const SEED_SCHEMA_PATH = join(PROJECT_ROOT, 'schema', 'seed.schema.json');

export interface SeedProblem {
  file: string;
  /** JSONPath of the offending value, e.g. "$.stances[3].actorId". */
  path: string;
  message: string;
  /** 1-based line, for JSON Lines files. */
  line?: number;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(problem: SeedProblem): string {
  return `  ${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}: ${problem.path}: ${problem.message}`;
}

// ajv-formats is CommonJS; under ESM its default export is the plugin function.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SEED_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled;
}

/** "/stances/3/actorId" -> "$.stances[3].actorId" */
export function toJsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
  );
}

export interface NamedDataset {
  file: string;
  data: unknown;
}

export interface ValidateOptions {
  /**
   * Ids already in the graph, with their section: references to them resolve too (an import
   * file may add a round that refers to actors and positions loaded before).
   */
  known?: ReadonlyMap<string, Section>;
}

/** Checks one or more datasets together (they may refer to each other's ids). */
export function validateDatasets(
  datasets: NamedDataset[],
  options: ValidateOptions = {},
): { datasets: Array<{ file: string; data: SeedDataset }>; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const valid: Array<{ file: string; data: SeedDataset }> = [];
  const validate = schemaValidator();
  for (const { file, data } of datasets) {
    if (validate(data)) valid.push({ file, data: data as SeedDataset });
    else {
      for (const error of validate.errors ?? []) {
        const extra = error.keyword === 'additionalProperties' ? ` ("${String((error.params as { additionalProperty?: string }).additionalProperty)}")` : '';
        const allowed = error.keyword === 'enum' ? ` (one of ${(error.params as { allowedValues?: unknown[] }).allowedValues?.join(', ')})` : '';
        problems.push({ file, path: toJsonPath(error.instancePath), message: `${error.message ?? 'is invalid'}${extra}${allowed}` });
      }
    }
  }
  if (problems.length === 0) problems.push(...checkReferences(valid, options.known));
  if (problems.length === 0) problems.push(...checkDatasetQuotes(valid));
  return { datasets: valid, problems };
}

export type Section = 'sources' | 'actors' | 'meetings' | 'positions' | 'documents' | 'stances' | 'disagreements';

/** What JSON Schema cannot express: unique ids, references that resolve, one quote per source. */
export function checkReferences(datasets: Array<{ file: string; data: SeedDataset }>, inGraph?: ReadonlyMap<string, Section>): SeedProblem[] {
  const known = inGraph ?? new Map<string, Section>();
  const nowhere = inGraph ? ' nor in the graph' : '';
  const problems: SeedProblem[] = [];
  const ids = new Map<string, { section: Section; file: string; path: string }>();
  const sections: Section[] = ['sources', 'actors', 'meetings', 'positions', 'documents', 'stances', 'disagreements'];

  for (const { file, data } of datasets) {
    for (const section of sections) {
      (data[section] ?? []).forEach((item: { id: string }, i: number) => {
        const path = `$.${section}[${i}].id`;
        const seen = ids.get(item.id);
        if (seen) problems.push({ file, path, message: `duplicate id "${item.id}" (first at ${seen.file}: ${seen.path})` });
        else ids.set(item.id, { section, file, path });
      });
    }
  }

  for (const { file, data } of datasets) {
    const expect = (id: string | null | undefined, section: Section, path: string) => {
      if (id === null || id === undefined) return;
      const found = ids.get(id) ?? (known.has(id) ? { section: known.get(id) as Section } : undefined);
      if (!found) problems.push({ file, path, message: `refers to "${id}", which is not defined in ${section}${nowhere}` });
      else if (found.section !== section)
        problems.push({ file, path, message: `refers to "${id}", which is a ${found.section.slice(0, -1)}, not a ${section.slice(0, -1)}` });
    };
    const checkEvidence = (evidence: EvidenceEntry[], path: string) => {
      const seen = new Set<string>();
      evidence.forEach((entry, i) => {
        expect(entry.sourceId, 'sources', `${path}.evidence[${i}].sourceId`);
        if (seen.has(entry.sourceId))
          problems.push({ file, path: `${path}.evidence[${i}].sourceId`, message: `source "${entry.sourceId}" is quoted twice; keep one quote per source` });
        seen.add(entry.sourceId);
      });
    };

    for (const section of ['actors', 'meetings', 'positions', 'documents'] as const) {
      (data[section] ?? []).forEach((item, i) => checkEvidence(item.evidence, `$.${section}[${i}]`));
    }
    (data.stances ?? []).forEach((s, i) => {
      expect(s.actorId, 'actors', `$.stances[${i}].actorId`);
      expect(s.positionId, 'positions', `$.stances[${i}].positionId`);
      expect(s.meetingId, 'meetings', `$.stances[${i}].meetingId`);
      checkEvidence(s.evidence, `$.stances[${i}]`);
    });
    const stanceActor = new Map((data.stances ?? []).map((s) => [s.id, s.actorId]));
    const targetPairs = new Map<string, number>();
    (data.stanceTargets ?? []).forEach((t, i) => {
      expect(t.stanceId, 'stances', `$.stanceTargets[${i}].stanceId`);
      expect(t.actorId, 'actors', `$.stanceTargets[${i}].actorId`);
      if (stanceActor.get(t.stanceId) === t.actorId)
        problems.push({
          file,
          path: `$.stanceTargets[${i}].actorId`,
          message: `is the actor of "${t.stanceId}" itself; a target is whom the stance is addressed to`,
        });
      const pair = `${t.stanceId} -> ${t.actorId}`;
      const first = targetPairs.get(pair);
      if (first !== undefined)
        problems.push({ file, path: `$.stanceTargets[${i}]`, message: `repeats ${pair} (first at $.stanceTargets[${first}]); add its evidence there` });
      else targetPairs.set(pair, i);
      checkEvidence(t.evidence, `$.stanceTargets[${i}]`);
    });
    (data.attendance ?? []).forEach((a, i) => {
      expect(a.actorId, 'actors', `$.attendance[${i}].actorId`);
      expect(a.meetingId, 'meetings', `$.attendance[${i}].meetingId`);
      checkEvidence(a.evidence, `$.attendance[${i}]`);
    });
    (data.memberships ?? []).forEach((m, i) => {
      expect(m.actorId, 'actors', `$.memberships[${i}].actorId`);
      expect(m.groupId, 'actors', `$.memberships[${i}].groupId`);
      checkEvidence(m.evidence, `$.memberships[${i}]`);
    });
    (data.meetingSequence ?? []).forEach((m, i) => {
      expect(m.meetingId, 'meetings', `$.meetingSequence[${i}].meetingId`);
      expect(m.followsMeetingId, 'meetings', `$.meetingSequence[${i}].followsMeetingId`);
      checkEvidence(m.evidence, `$.meetingSequence[${i}]`);
    });
    (data.authorship ?? []).forEach((a, i) => {
      expect(a.actorId, 'actors', `$.authorship[${i}].actorId`);
      expect(a.documentId, 'documents', `$.authorship[${i}].documentId`);
      checkEvidence(a.evidence, `$.authorship[${i}]`);
    });
    (data.documentContents ?? []).forEach((c, i) => {
      expect(c.documentId, 'documents', `$.documentContents[${i}].documentId`);
      expect(c.positionId, 'positions', `$.documentContents[${i}].positionId`);
      checkEvidence(c.evidence, `$.documentContents[${i}]`);
    });
    (data.involvement ?? []).forEach((v, i) => {
      expect(v.positionId, 'positions', `$.involvement[${i}].positionId`);
      expect(v.actorId, 'actors', `$.involvement[${i}].actorId`);
      checkEvidence(v.evidence, `$.involvement[${i}]`);
    });
    (data.disagreements ?? []).forEach((d, i) => {
      d.concerns.forEach((id, j) => {
        const section = ids.get(id)?.section ?? known.get(id);
        if (section === undefined)
          problems.push({ file, path: `$.disagreements[${i}].concerns[${j}]`, message: `refers to "${id}", which is not defined${nowhere}` });
        // Stances are edges and cannot be linked to; a disagreement about one concerns its position.
        else if (section === 'stances' || section === 'disagreements')
          problems.push({
            file,
            path: `$.disagreements[${i}].concerns[${j}]`,
            message: `refers to "${id}", a ${section.slice(0, -1)}; name an actor, meeting, position, document or source`,
          });
      });
      d.versions.forEach((v, j) => expect(v.sourceId, 'sources', `$.disagreements[${i}].versions[${j}].sourceId`));
    });
  }
  return problems;
}

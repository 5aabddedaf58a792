import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  buildReport,
  chunkDataset,
  collectReferences,
  definedIds,
  formatReport,
  mergeEvidence,
  onlyChanged,
  type PlannedItem,
  reportedFields,
} from '../../src/import/import.plan.js';
import { AuditTargetKind } from '../../src/write/audit.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import type { SeedDataset } from '../../src/shared/seed-format.js';
import { SEED_DIR, seedFiles } from '../../src/seed/seed-loader.js';
import { validateDatasets } from '../../src/seed/seed-validator.js';

const seed = JSON.parse(readFileSync(seedFiles(SEED_DIR)[0]!, 'utf8')) as SeedDataset;

const item = (section: PlannedItem['section'], index: number, status: PlannedItem['status'], changed: string[] = []): PlannedItem => ({
  section,
  index,
  label: `${section}-${index}`,
  status,
  changed,
  before: {},
  after: {},
  target: AuditTargetKind.ACTOR,
});

describe('import plan', () => {
  it('collects the ids a file refers to, even from a malformed file', () => {
    const refs = collectReferences(seed);
    expect(refs).toContain('actor:russia');
    expect(refs).toContain('source:tass-2025-06-02');
    expect(refs).not.toContain(seed.dataset.id);
    expect(collectReferences({ stances: [null, 3, { actorId: 7, evidence: 'x', positionId: 'position:p' }] })).toEqual(['position:p']);
    expect(collectReferences('nonsense')).toEqual([]);
    expect(definedIds(seed)).toContain('stance:ukraine-proposed-unconditional-30-day-ceasefire');
  });

  it('lets references resolve against ids already in the graph', () => {
    const newRound = {
      formatVersion: 1,
      dataset: { id: 'dataset:round-3', title: 'Round 3', description: 'A later round' },
      sources: [{ id: 'source:x-2025-07-23', publisher: 'X', title: 'T', publishedAt: '2025-07-23', language: 'en', url: null }],
      actors: [],
      meetings: [],
      positions: [],
      stances: [
        {
          id: 'stance:russia-proposed-y',
          kind: 'PROPOSED',
          actorId: 'actor:russia',
          positionId: 'position:y',
          meetingId: null,
          date: null,
          plover: { event: 'AGREE', mode: null, context: [] },
          cameo: '036',
          evidence: [{ sourceId: 'source:x-2025-07-23', quote: 'q' }],
        },
      ],
    };
    const alone = validateDatasets([{ file: 'f', data: newRound }]);
    expect(alone.problems.map((p) => p.path)).toEqual(['$.stances[0].actorId', '$.stances[0].positionId']);
    const known = new Map([
      ['actor:russia', 'actors' as const],
      ['position:y', 'actors' as const],
    ]);
    const withGraph = validateDatasets([{ file: 'f', data: newRound }], { known });
    expect(withGraph.problems).toEqual([{ file: 'f', path: '$.stances[0].positionId', message: 'refers to "position:y", which is a actor, not a position' }]);
  });

  it('keeps only new and changed items for the write, and splits it by section in write order', () => {
    const changed = onlyChanged(seed, [item('actors', 1, 'create'), item('actors', 2, 'unchanged'), item('stances', 0, 'update', ['evidence'])]);
    expect(changed.actors).toEqual([seed.actors?.[1]]);
    expect(changed.stances).toEqual([seed.stances?.[0]]);
    expect(changed.sources).toEqual([]);
    expect(changed.dataset).toEqual(seed.dataset);

    const chunks = chunkDataset(seed, 20);
    expect(
      chunks
        .map((c) =>
          Object.entries(c)
            .filter(([, v]) => Array.isArray(v) && v.length > 0)
            .map(([k, v]) => `${k}:${(v as unknown[]).length}`),
        )
        .flat()
        .slice(0, 5),
    ).toEqual(['sources:5', 'actors:20', 'actors:5', 'meetings:8', 'positions:20']);
    const total = (d: SeedDataset) => (d.stances?.length ?? 0) + (d.actors?.length ?? 0);
    expect(chunks.reduce((n, c) => n + total(c), 0)).toBe(total(seed));
  });

  it('reports fields as the file names them, and counts', () => {
    expect(reportedFields(['searchKey', 'name', 'aliasesText', 'aliases'])).toEqual(['name', 'aliases']);
    expect(reportedFields(['sourceIds', 'evidence', 'evidenceText'])).toEqual(['evidence']);
    const report = buildReport(
      true,
      ['dataset:x'],
      [item('actors', 0, 'create'), item('actors', 1, 'update', ['name', 'searchKey']), item('stances', 0, 'unchanged')],
    );
    expect(report).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 1 });
    expect(report.sections).toEqual([
      { section: 'actors', created: ['actors-0'], updated: [{ item: 'actors-1', fields: ['name'] }], unchanged: 0 },
      { section: 'stances', created: [], updated: [], unchanged: 1 },
    ]);
    expect(formatReport(report).at(-1)).toBe('Total: 1 to create, 1 to update, 1 unchanged.');
  });
});

describe('docs/examples/istanbul-round-3.json', () => {
  it('is a valid import on top of the seed (docs/curation.md walks through it)', () => {
    const example = JSON.parse(readFileSync(join(PROJECT_ROOT, 'docs', 'examples', 'istanbul-round-3.json'), 'utf8')) as unknown;
    const result = validateDatasets([
      { file: 'seed', data: seed },
      { file: 'istanbul-round-3.json', data: example },
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('mergeEvidence', () => {
  it('keeps the file’s quotes first, then every stored source the file does not name', () => {
    const file = [
      { sourceId: 'source:a', quote: 'new a' },
      { sourceId: 'source:c', quote: 'c' },
    ];
    expect(mergeEvidence(file, ['source:a', 'source:b'], ['old a', 'b'])).toEqual([
      { sourceId: 'source:a', quote: 'new a' },
      { sourceId: 'source:c', quote: 'c' },
      { sourceId: 'source:b', quote: 'b' },
    ]);
    expect(mergeEvidence(file, null, null)).toEqual(file);
  });
});

/**
 * Bulk import (issue #5) on the real Neo4j, through the `importDataset` mutation and the
 * `npm run import` command: whole-file validation with JSON paths, dry runs, one transaction,
 * and re-imports that change nothing. The datasets here refer to seed actors (never change
 * them) and create only ids carrying this run's marker, deleted afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { App } from '../../src/app.js';
import { Executor, type QueryRunner } from '../../src/db/executor.js';
import { importDatasets } from '../../src/import/import.service.js';
import { createLogger } from '../../src/logging/logger.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { seedFiles } from '../../src/seed/seed-loader.js';
import { codeOf, countWithId, deleteRunData, executeAs, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
const ids = {
  dataset: `dataset:${marker}-round-3`,
  source: `source:${marker}-wire-2025-07-23`,
  source2: `source:${marker}-herald-2025-07-24`,
  meeting: `meeting:${marker}-istanbul-2025-07-23`,
  actor: `actor:${marker}-envoy`,
  position: `position:${marker}-exchange-1200-prisoners`,
  document: `document:${marker}-memorandum`,
  stance: `stance:${marker}-russia-proposed-exchange`,
  stance2: `stance:${marker}-ukraine-agreed_to-exchange`,
  disagreement: `disagreement:${marker}-exchange-size`,
};

const ev = (sourceId: string, quote: string) => [{ sourceId, quote }];

/** A new round in the seed format, referring to seed actors and the seed's round 2. */
function newRound() {
  return {
    formatVersion: 1,
    dataset: { id: ids.dataset, title: 'Istanbul round 3 (test)', description: 'A third round, for the import tests.' },
    sources: [
      {
        id: ids.source,
        publisher: 'Test Wire',
        title: 'Third round in Istanbul',
        publishedAt: '2025-07-23',
        language: 'en',
        url: 'https://example.org/round-3',
      },
      { id: ids.source2, publisher: 'Test Herald', title: 'Exchange of prisoners agreed', publishedAt: '2025-07-24', language: 'en', url: null },
    ],
    actors: [
      {
        id: ids.actor,
        name: 'Test Envoy',
        kind: 'PERSON',
        aliases: [],
        description: 'Headed a delegation in round 3.',
        evidence: ev(ids.source, 'The envoy headed the delegation.'),
      },
    ],
    meetings: [
      {
        id: ids.meeting,
        title: 'Russia–Ukraine direct talks in Istanbul, round 3 (test)',
        round: 3,
        date: '2025-07-23',
        startedAt: '2025-07-23T19:00:00+03:00',
        endedAt: '2025-07-23T19:40:00+03:00',
        durationMinutes: 40,
        venue: 'Çırağan Palace',
        city: 'Istanbul',
        status: 'HELD',
        evidence: ev(ids.source, 'The third round lasted forty minutes.'),
      },
    ],
    positions: [
      {
        id: ids.position,
        type: 'PROPOSAL',
        title: 'Exchange of 1,200 prisoners',
        summary: 'Each side releases 1,200 prisoners.',
        topics: ['PRISONERS_AND_REMAINS'],
        evidence: ev(ids.source, 'Russia proposed exchanging 1,200 prisoners.'),
      },
    ],
    documents: [
      { id: ids.document, title: 'Test memorandum', kind: 'MEMORANDUM', pages: 3, parts: null, evidence: ev(ids.source, 'A memorandum was handed over.') },
    ],
    stances: [
      {
        id: ids.stance,
        kind: 'PROPOSED',
        actorId: 'actor:russia',
        positionId: ids.position,
        meetingId: ids.meeting,
        date: '2025-07-23',
        plover: { event: 'AGREE', mode: null, context: ['humanitarian'] },
        cameo: '0353',
        evidence: ev(ids.source, 'Russia proposed exchanging 1,200 prisoners.'),
      },
      {
        id: ids.stance2,
        kind: 'AGREED_TO',
        actorId: 'actor:ukraine',
        positionId: ids.position,
        meetingId: ids.meeting,
        date: '2025-07-23',
        plover: { event: 'AGREE', mode: null, context: ['humanitarian'] },
        cameo: '0353',
        evidence: [
          { sourceId: ids.source, quote: 'Ukraine agreed to the exchange.' },
          { sourceId: ids.source2, quote: 'Kyiv accepted the swap.' },
        ],
      },
    ],
    attendance: [
      { actorId: ids.actor, meetingId: ids.meeting, role: 'HEAD', evidence: ev(ids.source, 'The envoy headed the delegation.') },
      { actorId: 'actor:turkiye', meetingId: ids.meeting, role: 'HOST', evidence: ev(ids.source, 'Türkiye hosted the round.') },
    ],
    memberships: [{ actorId: ids.actor, groupId: 'actor:russian-delegation', role: 'head', evidence: ev(ids.source, 'The envoy headed the delegation.') }],
    meetingSequence: [
      { meetingId: ids.meeting, followsMeetingId: 'meeting:istanbul-2025-06-02', evidence: ev(ids.source, 'The third round followed the June talks.') },
    ],
    authorship: [{ actorId: 'actor:russia', documentId: ids.document, evidence: ev(ids.source, 'A memorandum was handed over.') }],
    documentContents: [{ documentId: ids.document, positionId: ids.position, evidence: ev(ids.source, 'A memorandum was handed over.') }],
    disagreements: [
      {
        id: ids.disagreement,
        summary: 'How many prisoners the exchange covers.',
        concerns: [ids.position, 'actor:russia'],
        versions: [
          { sourceId: ids.source, claim: '1,200 each.', quote: 'Russia proposed exchanging 1,200 prisoners.' },
          { sourceId: ids.source2, claim: 'No number.', quote: 'Kyiv accepted the swap.' },
        ],
      },
    ],
  };
}
/** The round as corrected later: another venue, a corrected quote. */
function correctedRound() {
  const round = newRound();
  round.meetings[0]!.venue = 'Dolmabahçe Palace';
  round.stances[1]!.evidence[1]!.quote = 'Kyiv accepted the prisoner swap.';
  return round;
}
const ITEMS = 2 + 1 + 1 + 1 + 1 + 2 + 2 + 1 + 1 + 1 + 1 + 1;

const IMPORT = /* GraphQL */ `
  mutation ($dataset: JSON!, $dryRun: Boolean) {
    importDataset(dataset: $dataset, dryRun: $dryRun) {
      dryRun
      datasets
      created
      updated
      unchanged
      sections {
        section
        created
        updated {
          item
          fields
        }
        unchanged
      }
    }
  }
`;

let app: App;
let tokens: TestTokens;
let workDir: string;

/** Stored state of everything the round wrote, to compare before and after a re-import. */
async function snapshot(): Promise<unknown> {
  return app.executor.runStatement(
    `MATCH (n) WHERE n.id CONTAINS $marker
     OPTIONAL MATCH (n)-[r]-()
     WITH n, r ORDER BY elementId(r)
     RETURN n.id AS id, properties(n) AS props, collect(properties(r)) AS edges ORDER BY id`,
    { marker },
    'READ',
  );
}

async function auditTotal(): Promise<number> {
  const data = await queryAs(app, tokens.tokens.editor, `query ($by: String!) { auditLog(filter: { by: $by }) { total } }`, { by: tokens.names.editor });
  return data.auditLog.total as number;
}

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'import.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  tokens = makeTokens(marker);
  workDir = mkdtempSync(join(tmpdir(), 'ng-import-'));
  app = await createTestApp({ AUTH_TOKENS: tokens.env });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
  rmSync(workDir, { recursive: true, force: true });
});

describe('importDataset', () => {
  it('refuses anonymous and reader imports, writing nothing', async () => {
    expect(codeOf(await executeAs(app, null, IMPORT, { dataset: newRound() }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await executeAs(app, tokens.tokens.reader, IMPORT, { dataset: newRound() }))).toBe('FORBIDDEN');
    expect(await countWithId(app, ids.meeting)).toBe(0);
  });

  it('reports every problem of a bad file with its JSON path, and writes nothing', async () => {
    const bad = newRound() as any;
    bad.meetings[0].date = '2025-13-40';
    bad.stances[0].evidence = [];
    bad.stances[1].kind = 'LOVED';
    bad.actors[0].id = 'actor:Not An Id';
    bad.sources[1].language = 'English';
    const shape = await executeAs(app, tokens.tokens.editor, IMPORT, { dataset: bad });
    expect(codeOf(shape)).toBe('BAD_USER_INPUT');
    const paths = (shape.errors?.[0]?.extensions?.['problems'] as Array<{ path: string }>).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['$.meetings[0].date', '$.stances[0].evidence', '$.stances[1].kind', '$.actors[0].id', '$.sources[1].language']),
    );
    expect(shape.errors?.[0]?.message).toContain('$.stances[0].evidence');

    // A well-formed file whose references do not resolve: every one is reported too.
    const dangling = newRound() as any;
    dangling.stances[0].actorId = `actor:${marker}-nobody`;
    dangling.stances[1].evidence[1].sourceId = `source:${marker}-unknown`;
    dangling.attendance[0].meetingId = 'meeting:never-held';
    dangling.positions.push({ ...dangling.positions[0] });
    const refs = await executeAs(app, tokens.tokens.editor, IMPORT, { dataset: dangling });
    expect(codeOf(refs)).toBe('BAD_USER_INPUT');
    expect((refs.errors?.[0]?.extensions?.['problems'] as Array<{ path: string; message: string }>).map((p) => `${p.path}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.positions\[1\]\.id: duplicate id/),
        expect.stringMatching(/^\$\.stances\[0\]\.actorId: refers to "actor:.*-nobody"/),
        expect.stringMatching(/^\$\.stances\[1\]\.evidence\[1\]\.sourceId: refers to/),
        expect.stringMatching(/^\$\.attendance\[0\]\.meetingId: refers to "meeting:never-held"/),
      ]),
    );
    for (const id of Object.values(ids)) expect(await countWithId(app, id), id).toBe(0);
    expect(await auditTotal()).toBe(0);
  });

  it('dry run: reports what would be created, and writes nothing', async () => {
    const { importDataset } = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: newRound(), dryRun: true });
    expect(importDataset).toMatchObject({ dryRun: true, datasets: [ids.dataset], created: ITEMS, updated: 0, unchanged: 0 });
    expect(importDataset.sections.find((s: { section: string }) => s.section === 'attendance').created).toEqual([
      `${ids.actor} -ATTENDED(HEAD)-> ${ids.meeting}`,
      `actor:turkiye -ATTENDED(HOST)-> ${ids.meeting}`,
    ]);
    expect(await countWithId(app, ids.meeting)).toBe(0);
    expect(await countWithId(app, ids.dataset)).toBe(0);
  });

  it('imports a new round in one go; it is queryable at once, with its sources and audit entries', async () => {
    const { importDataset } = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: newRound() });
    expect(importDataset).toMatchObject({ dryRun: false, created: ITEMS, updated: 0, unchanged: 0 });

    const { stances } = await queryAs(
      app,
      tokens.tokens.editor,
      `query ($m: ID!) { stances(filter: { meetingIds: [$m] }) { items { id kind recordedBy actor { id } sources { id } } } }`,
      { m: ids.meeting },
    );
    expect(stances.items).toEqual([
      { id: ids.stance, kind: 'PROPOSED', recordedBy: tokens.names.editor, actor: { id: 'actor:russia' }, sources: [{ id: ids.source }] },
      {
        id: ids.stance2,
        kind: 'AGREED_TO',
        recordedBy: tokens.names.editor,
        actor: { id: 'actor:ukraine' },
        sources: [{ id: ids.source }, { id: ids.source2 }],
      },
    ]);
    const { meeting } = await queryAs(app, null, `query ($id: ID!) { meeting(id: $id) { round venue } }`, { id: ids.meeting });
    expect(meeting).toEqual({ round: 3, venue: 'Çırağan Palace' });
    const audit = await queryAs(
      app,
      tokens.tokens.editor,
      `query ($by: String!) { auditLog(filter: { by: $by }, page: { limit: 100 }) { total items { action via targetId } } }`,
      { by: tokens.names.editor },
    );
    expect(audit.auditLog.total).toBe(ITEMS);
    expect(audit.auditLog.items.every((e: { action: string; via: string }) => e.action === 'CREATE' && e.via === 'import')).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const audits = await auditTotal();
    const { importDataset } = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: newRound() });
    expect(importDataset).toMatchObject({ created: 0, updated: 0, unchanged: ITEMS });
    expect(await snapshot()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });

  it('updates what changed, logs it, and never undoes a retraction', async () => {
    await queryAs(app, tokens.tokens.admin, `mutation ($id: ID!) { retractStance(id: $id, reason: "Test retraction") { status } }`, { id: ids.stance });
    const changed = correctedRound();
    const dry = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: changed, dryRun: true });
    expect(dry.importDataset).toMatchObject({ created: 0, updated: 2, unchanged: ITEMS - 2 });
    const updates = dry.importDataset.sections.flatMap((s: { updated: unknown[] }) => s.updated);
    expect(updates).toEqual([
      { item: ids.meeting, fields: ['venue'] },
      { item: ids.stance2, fields: ['evidence'] },
    ]);

    await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: changed });
    const { meeting } = await queryAs(app, null, `query ($id: ID!) { meeting(id: $id) { venue } }`, { id: ids.meeting });
    expect(meeting.venue).toBe('Dolmabahçe Palace');
    const { auditLog } = await queryAs(app, tokens.tokens.editor, `query ($id: ID!) { auditLog(filter: { targetId: $id }) { items { action changes } } }`, {
      id: ids.meeting,
    });
    expect(auditLog.items[0]).toEqual({ action: 'UPDATE', changes: { venue: { from: 'Çırağan Palace', to: 'Dolmabahçe Palace' } } });
    const { stance } = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { status } }`, { id: ids.stance });
    expect(stance.status).toBe('RETRACTED');
  });

  it('refuses to change what an existing stance id means', async () => {
    const moved = newRound() as any;
    moved.stances[1].kind = 'REJECTED';
    const result = await executeAs(app, tokens.tokens.editor, IMPORT, { dataset: moved });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['problems']).toEqual([
      expect.objectContaining({ path: '$.stances[1].kind', message: expect.stringContaining('keeps its meaning') }),
    ]);
    const { stance } = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { kind } }`, { id: ids.stance2 });
    expect(stance.kind).toBe('AGREED_TO');
  });

  it('keeps sources added since: an import adds sources to a fact, never drops one', async () => {
    const extra = `source:${marker}-gazette-2025-07-25`;
    await queryAs(app, tokens.tokens.editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
      input: { id: extra, publisher: 'Test Gazette', title: 'Swap confirmed', publishedAt: '2025-07-25' },
    });
    await queryAs(app, tokens.tokens.editor, `mutation ($id: ID!, $e: EvidenceInput!) { addStanceSource(stanceId: $id, evidence: $e) { id } }`, {
      id: ids.stance2,
      e: { sourceId: extra, quote: 'The gazette confirmed the swap.' },
    });
    const { importDataset } = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: correctedRound() });
    expect(importDataset).toMatchObject({ created: 0, updated: 0, unchanged: ITEMS });
    const { stance } = await queryAs(app, null, `query ($id: ID!) { stance(id: $id) { sources { id } } }`, { id: ids.stance2 });
    expect(stance.sources).toEqual([{ id: ids.source }, { id: ids.source2 }, { id: extra }]);

    // A file that quotes that source differently updates the quote, and keeps the others.
    const requoted = correctedRound();
    requoted.stances[1]!.evidence.push({ sourceId: extra, quote: 'The gazette confirmed the prisoner swap.' });
    const dry = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: requoted, dryRun: true });
    expect(dry.importDataset.sections.flatMap((s: { updated: unknown[] }) => s.updated)).toEqual([{ item: ids.stance2, fields: ['evidence'] }]);
  });

  it('finds the seed, loaded before the tests, entirely unchanged', async () => {
    const seed = JSON.parse(readFileSync(seedFiles()[0]!, 'utf8')) as unknown;
    const { importDataset } = await queryAs(app, tokens.tokens.editor, IMPORT, { dataset: seed, dryRun: true });
    expect(importDataset.created).toBe(0);
    expect(importDataset.updated).toBe(0);
    expect(importDataset.unchanged).toBeGreaterThan(150);
  });

  it('writes nothing when the database fails half-way', async () => {
    // The audit entries are the last statement of an import: fail there, after every merge ran.
    class FailingExecutor extends Executor {
      override writeTransactionOnce<T>(label: string, work: (scope: QueryRunner) => Promise<T>): Promise<T> {
        return super.writeTransactionOnce(label, (scope) =>
          work({
            run: async (name, params) => {
              if (name.endsWith('/create-audit-entries')) throw new Error('simulated failure');
              return scope.run(name, params);
            },
          }),
        );
      }
    }
    const failing = new FailingExecutor(app.config.neo4j, createLogger('silent'));
    const round = newRound() as any;
    const extra = `meeting:${marker}-istanbul-2025-08-01`;
    round.meetings.push({ ...round.meetings[0], id: extra, date: '2025-08-01', round: 4 });
    try {
      await expect(importDatasets(failing, [{ file: 'round.json', data: round }], { dryRun: false, by: 'failing-test', via: 'import' })).rejects.toThrow(
        'simulated failure',
      );
    } finally {
      await failing.close();
    }
    expect(await countWithId(app, extra)).toBe(0);
    const { meeting } = await queryAs(app, null, `query ($id: ID!) { meeting(id: $id) { venue } }`, { id: ids.meeting });
    expect(meeting.venue).toBe('Dolmabahçe Palace');
  });
});

describe('npm run import', () => {
  it('dry-runs, imports and re-imports a file, with progress lines', () => {
    const round = newRound() as any;
    const cliId = `source:${marker}-cli-2025-07-25`;
    round.dataset.id = `dataset:${marker}-cli`;
    round.sources.push({ id: cliId, publisher: 'Test CLI Press', title: 'From the command line', publishedAt: '2025-07-25', language: 'en', url: null });
    const file = join(workDir, 'round.json');
    writeFileSync(file, JSON.stringify(round, null, 2));

    const dry = runCli([file, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written');
    expect(dry.stdout).toMatch(/checked dataset:.*: sources \(3: 1 new, 0 changed\)/);
    expect(dry.stdout).toContain(`+ ${cliId}`);

    const run = runCli([file, '--by', `cli-${marker}`]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sources: 1 created, 0 updated, 2 unchanged/);
    expect(run.stdout).toMatch(/Writing dataset:.*-cli/);

    const again = runCli([file, '--by', `cli-${marker}`]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Nothing changed');
  });

  it('lists every problem of a bad file with its JSON path, exits 1 and writes nothing', () => {
    const bad = newRound() as any;
    bad.dataset.id = `dataset:${marker}-bad`;
    bad.stances[0].date = 'yesterday';
    bad.attendance[1].role = 'GUEST';
    const file = join(workDir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = runCli([file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain('$.stances[0].date');
    expect(result.stderr).toContain('$.attendance[1].role');

    writeFileSync(join(workDir, 'broken.json'), '{ "formatVersion": 1, ');
    const broken = runCli([join(workDir, 'broken.json')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('is not valid JSON');
  });
});

describe('concurrent imports (issue #9, defect 7)', () => {
  it('two identical imports at once: one creates each item, the other finds it in place, and the audit log says so', async () => {
    // The same new round under ids of its own, so the tests above are not disturbed.
    const data = JSON.parse(JSON.stringify(newRound()).replaceAll(`${marker}-`, `${marker}-twice-`)) as ReturnType<typeof newRound>;
    const [first, second] = await Promise.all([
      importDatasets(app.executor, [{ file: 'first.json', data }], { dryRun: false, by: `first-${marker}`, via: 'import' }),
      importDatasets(app.executor, [{ file: 'second.json', data }], { dryRun: false, by: `second-${marker}`, via: 'import' }),
    ]);
    expect(first.created + second.created).toBe(ITEMS);
    expect(Math.min(first.created, second.created)).toBe(0);
    const creates = await app.executor.runStatement(
      "MATCH (e:AuditEntry {action: 'CREATE'}) WHERE e.targetId CONTAINS $infix RETURN e.targetId AS id, collect(e.by) AS by",
      { infix: `${marker}-twice-` },
      'READ',
    );
    expect(creates).toHaveLength(ITEMS);
    const creator = first.created > 0 ? `first-${marker}` : `second-${marker}`;
    for (const row of creates) expect(row['by'], String(row['id'])).toEqual([creator]);
  });
});

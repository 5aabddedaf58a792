/**
 * `npm run import -- <file.json|file.jsonl> [more ...] [--dry-run] [--by <name>] [--batch-size <n>]`
 * imports dataset files in the seed format (seed/README.md) into the configured Neo4j;
 * `npm run import -- --resume` completes imports that failed or were cut off after their
 * commit point. How it works, and why: docs/imports.md.
 *
 * Files are streamed (.json in the seed format, .jsonl/.ndjson as JSON Lines), each item
 * validated as it comes; every problem is listed with its file, line or JSON path (exit code
 * 1, nothing written). New and changed items are staged invisibly, then applied in batches
 * after one commit point, each with an audit entry. `--dry-run` only reports what would be
 * created, updated and left unchanged. Importing the same file twice writes nothing.
 */
// The import shares the API's mapping code, whose GraphQL types need decorator metadata.
import 'reflect-metadata';

import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

import { TOKEN_NAME_PATTERN } from '../src/auth/token.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { formatReport } from '../src/import/import.plan.js';
import { importFiles, ImportValidationError } from '../src/import/import.service.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { recoverRuns } from '../src/import/journal.repository.js';
import { DEFAULT_BATCH_SIZE } from '../src/import/pipeline.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { formatProblem } from '../src/seed/seed-validator.js';

const USAGE =
  'Usage: npm run import -- <file.json|file.jsonl> [more ...] [--dry-run] [--by <name>] [--batch-size <n>]\n' +
  '       npm run import -- --resume    (complete imports that stopped after their commit point)';

async function run(argv: string[]): Promise<number> {
  const { positionals: files, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      by: { type: 'string' },
      'batch-size': { type: 'string' },
      resume: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (files.length === 0 && !values.resume)) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const dryRun = values['dry-run'] ?? false;
  const by = values.by ?? `cli:${userInfo().username}`;
  if (!TOKEN_NAME_PATTERN.test(by.replace(/^cli:/, ''))) throw new Error(`--by must be a plain name, got "${by}"`);
  const batchSize = Number(values['batch-size'] ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error(`--batch-size must be a whole number from 1 to 100000`);

  loadDotEnv();
  if (!process.env['NEO4J_URI']) process.env['NEO4J_URI'] = await startLocalNeo4j(defaultLocalNeo4jOptions());
  // Batches are small, but a one-transaction import of up to one batch may take a while.
  const config = loadConfig({ NEO4J_TRANSACTION_TIMEOUT_MS: '600000', ...process.env });
  const executor = new Executor(config.neo4j, createLogger('warn'));
  const log = (line: string) => console.log(line);
  try {
    console.log(`${dryRun ? 'Dry run against' : 'Importing into'} ${config.neo4j.uri} as "${by}" ...`);
    if (!dryRun) {
      await applySchema(executor);
      const recovered = await recoverRuns(executor, { resumeFailed: values.resume ?? false, progress: log, batchSize });
      if (files.length === 0) {
        console.log(recovered > 0 ? `Done: ${recovered} unfinished import run(s) handled.` : 'No unfinished import runs.');
        return 0;
      }
    }
    const started = Date.now();
    let firstVisible: number | undefined;
    const report = await importFiles(executor, files, {
      dryRun,
      by,
      via: 'cli',
      batchSize,
      listLimit: 20,
      progress: log,
      onFirstVisible: () => (firstVisible ??= Date.now()),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const unchanged = report.created + report.updated === 0;
    if (dryRun) console.log('Dry run: nothing was written. The import would do this:');
    else console.log(unchanged ? `Done in ${seconds} s; nothing to write:` : `Done in ${seconds} s:`);
    for (const line of formatReport(report)) console.log(line);
    if (!dryRun && unchanged) console.log('Nothing changed: the graph already holds everything in the file.');
    const items = report.created + report.updated + report.unchanged;
    const firstAt = firstVisible !== undefined ? `, first items visible after ${((firstVisible - started) / 1000).toFixed(1)} s` : '';
    console.log(
      `Stats: ${items} items in ${seconds} s (${Math.round(items / Math.max(Number(seconds), 0.001))} items/s)${firstAt}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportValidationError) {
      console.error(`${error.total} problem${error.total === 1 ? '' : 's'} found; nothing was written:`);
      for (const problem of error.problems) console.error(formatProblem(problem));
      if (error.total > error.problems.length) console.error(`  ... and ${error.total - error.problems.length} more`);
      return 1;
    }
    throw error;
  } finally {
    await executor.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

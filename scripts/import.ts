/**
 * `npm run import -- <file.json> [more.json ...] [--dry-run] [--by <name>]`: imports dataset
 * files in the seed format (seed/README.md) into the configured Neo4j.
 *
 * Validates everything first and lists every problem with its JSON path (exit code 1,
 * nothing written); then compares each item with the graph and writes the new and changed
 * ones in ONE transaction, each with an audit entry. `--dry-run` only reports what would be
 * created, updated and left unchanged. Importing the same file twice writes nothing.
 * References may point at ids already in the graph (a new round need not repeat the actors).
 */
// The import shares the API's mapping code, whose GraphQL types need decorator metadata.
import 'reflect-metadata';

import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

import { TOKEN_NAME_PATTERN } from '../src/auth/token.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { importDatasets, ImportValidationError } from '../src/curation/import.service.js';
import { formatReport } from '../src/curation/import.plan.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { readDatasets } from '../src/seed/seed-loader.js';
import { formatProblem, SeedValidationError } from '../src/seed/seed-validator.js';

async function run(argv: string[]): Promise<number> {
  const { positionals: files, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, by: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || files.length === 0) {
    console.log('Usage: npm run import -- <file.json> [more.json ...] [--dry-run] [--by <name>]');
    return files.length === 0 && !values.help ? 1 : 0;
  }
  const dryRun = values['dry-run'] ?? false;
  const by = values.by ?? `cli:${userInfo().username}`;
  if (!TOKEN_NAME_PATTERN.test(by.replace(/^cli:/, ''))) throw new Error(`--by must be a plain name, got "${by}"`);

  for (const file of files) console.log(`Reading ${file} (${(statSync(file).size / 1024).toFixed(1)} kB) ...`);
  const read = readDatasets(files);
  if (read.problems.length > 0) {
    console.error(`${new SeedValidationError(read.problems).message}\nNothing was written.`);
    return 1;
  }

  loadDotEnv();
  if (!process.env['NEO4J_URI']) process.env['NEO4J_URI'] = await startLocalNeo4j(defaultLocalNeo4jOptions());
  // A large import is one transaction: give it more time than a request gets.
  const config = loadConfig({ NEO4J_TRANSACTION_TIMEOUT_MS: '600000', ...process.env });
  const executor = new Executor(config.neo4j, createLogger('warn'));
  try {
    console.log(`${dryRun ? 'Dry run against' : 'Importing into'} ${config.neo4j.uri} as "${by}" ...`);
    if (!dryRun) await applySchema(executor);
    const started = Date.now();
    const report = await importDatasets(executor, read.datasets, { dryRun, by, via: 'cli', progress: (line) => console.log(line) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const unchanged = report.created + report.updated === 0;
    if (dryRun) console.log('Dry run: nothing was written. The import would do this:');
    else console.log(unchanged ? `Done in ${seconds} s; nothing to write:` : `Done in ${seconds} s, in one transaction:`);
    for (const line of formatReport(report)) console.log(line);
    if (!dryRun && unchanged) console.log('Nothing changed: the graph already holds everything in the file.');
    return 0;
  } catch (error) {
    if (error instanceof ImportValidationError) {
      console.error(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found; nothing was written:`);
      for (const problem of error.problems) console.error(formatProblem(problem));
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

/**
 * `npm run seed [-- file.json ...]`: validates and loads the seed dataset (every seed/*.json
 * by default) into the configured Neo4j, in one transaction. Safe to run again.
 */
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { loadSeed } from '../src/seed/seed-loader.js';
import { SeedValidationError } from '../src/seed/seed-validator.js';

async function run(files: string[]): Promise<number> {
  loadDotEnv();
  if (!process.env['NEO4J_URI']) {
    const options = defaultLocalNeo4jOptions();
    process.env['NEO4J_URI'] = await startLocalNeo4j(options);
  }
  const config = loadConfig();
  const executor = new Executor(config.neo4j, createLogger('warn'));
  try {
    console.log(`Loading into ${config.neo4j.uri} ...`);
    await applySchema(executor);
    const summary = await loadSeed(executor, { files: files.length > 0 ? files : undefined, progress: (line) => console.log(line) });
    console.log(
      `Loaded ${summary.files.join(', ')}: ${Object.entries(summary.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(`${error.message}\nNothing was written.`);
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

/**
 * Before the integration tier: a real Neo4j (the local one, provisioned and started when
 * NEO4J_URI is unset), with the schema applied and the seed loaded. Tests share it; each
 * test that writes owns its ids and deletes only its own data.
 */
import type { TestProject } from 'vitest/node';

import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j, statusOfLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { loadSeed } from '../src/seed/seed-loader.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
  }
}

/** Returns a teardown that stops the local Neo4j again if this run started it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  loadDotEnv();
  const local = defaultLocalNeo4jOptions();
  const useLocal = !process.env['NEO4J_URI'];
  // A server the developer started (npm run db:start) stays up; one started here is stopped.
  const startedHere = useLocal && !(await statusOfLocalNeo4j(local)).running;
  const uri = useLocal ? await startLocalNeo4j(local) : (process.env['NEO4J_URI'] as string);
  const password = process.env['NEO4J_PASSWORD'] || local.password;
  // Loading the seed into a cold database on a busy machine can take longer than a request may.
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password, NEO4J_TRANSACTION_TIMEOUT_MS: '120000' });
  const executor = new Executor(config.neo4j, createLogger('warn'));
  try {
    await applySchema(executor);
    const summary = await loadSeed(executor);
    console.log(
      `[tests] Neo4j at ${uri}; seed loaded (${Object.entries(summary.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')})`,
    );
  } finally {
    await executor.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jPassword', password);
  return async () => {
    if (startedHere) await stopLocalNeo4j({ ...local, log: () => undefined });
  };
}

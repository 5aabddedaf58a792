/**
 * Builds the real app against the test database, and runs GraphQL operations through
 * Apollo's whole pipeline (parsing, validation, limits, resolvers, error formatting) without
 * a port.
 */
import { inject } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { type AppConfig, loadConfig } from '../../src/config/config.js';

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    LOG_LEVEL: 'silent',
    // The global setup loaded the seed already.
    SEED_ON_EMPTY: 'false',
    // Suites send many requests from one address; the rate limit test turns it on for itself.
    RATE_LIMIT_ENABLED: 'false',
    ...overrides,
  });
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<App> {
  const app = await createApp(testConfig(overrides));
  await app.database.prepare();
  return app;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number> }>;
}

/** Runs one operation through Apollo's full request pipeline with a fresh request context. */
export async function execute<T = Record<string, any>>(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): Promise<GraphQLResult<T>> {
  const response = await app.apollo.executeOperation({ query, variables, operationName }, { contextValue: app.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GraphQLResult<T>;
}

/** Like execute, but fails the test on any GraphQL error and returns the data. */
export async function query<T = Record<string, any>>(app: App, text: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await execute<T>(app, text, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

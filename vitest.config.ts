import { createRequire } from 'node:module';

import { defineConfig } from 'vitest/config';

// graphql ships CommonJS (main) and ESM (module) builds. Node, type-graphql and Apollo load
// the CommonJS one; Vite would pick the ESM one for our sources, and two copies of graphql
// reject each other's schemas. Point Vite at the one Node uses.
const graphqlCommonJs = createRequire(import.meta.url).resolve('graphql');

// Two tiers: unit tests (pure logic, no database) and integration tests (*.int.test.ts)
// against the real Neo4j that tests/global-setup.ts provisions, starts and seeds.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCommonJs }] },
  test: {
    setupFiles: ['tests/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

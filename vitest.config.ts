import { createRequire } from 'node:module';

import { defineConfig } from 'vitest/config';

// graphql ships CommonJS (main) and ESM (module) builds. Node, type-graphql and Apollo load
// the CommonJS one; Vite would pick the ESM one for our sources, and two copies of graphql
// reject each other's schemas. Point Vite at the one Node uses.
const graphqlCommonJs = createRequire(import.meta.url).resolve('graphql');

// Three tiers, each runnable alone (npm run test:unit, test:integration, test:e2e) and all
// run by `npm test`: unit tests (pure logic, no database); integration tests (*.int.test.ts)
// against the real Neo4j that tests/global-setup.ts provisions, starts and seeds; and
// end-to-end tests (*.e2e.test.ts) that spawn processes or a browser: the server process,
// API replicas, the CLI scripts, Python (notebooks, exports), Chromium, and a Neo4j of
// their own that they stop and kill.
const realNeo4j = { globalSetup: ['tests/global-setup.ts'], testTimeout: 60_000, hookTimeout: 240_000 };
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
          ...realNeo4j,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          ...realNeo4j,
        },
      },
    ],
  },
});

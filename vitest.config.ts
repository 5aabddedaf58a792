import { defineConfig } from 'vitest/config';

// Two tiers: unit tests (pure logic, no database) and integration tests (*.int.test.ts)
// against the real Neo4j that tests/global-setup.ts provisions, starts and seeds.
export default defineConfig({
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

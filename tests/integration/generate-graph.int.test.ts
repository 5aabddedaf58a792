/**
 * The benchmark's generated graph goes away by its prefix (when `npm run bench` changes size):
 * its edges in batches, then its nodes, and nothing of the seeded graph with them. In a
 * transaction that is rolled back (Executor.experiment).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { deleteGraph, generateGraph, graphSize } from '../../src/generate/generate-graph.repository.js';
import { createTestApp } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

const COUNT_ALL = 'MATCH (n) RETURN count(n) AS nodes, COUNT { MATCH ()-[r]->() RETURN r } AS edges';

describe('deleting a generated graph', () => {
  it('removes its nodes and edges, in batches smaller than the graph, and leaves the rest', async () => {
    await app.executor.experiment(async (scope) => {
      const [before] = await scope.runText(COUNT_ALL);
      await generateGraph(scope, 'gen-test:', graphSize(2_000));
      const [generated] = await scope.run('bench/count-generated', { prefix: 'gen-test:' });
      expect(generated?.['stances']).toBe(2_000);
      const [grown] = await scope.runText(COUNT_ALL);
      expect(Number(grown?.['edges'])).toBeGreaterThanOrEqual(Number(before?.['edges']) + 2_000);
      // Batches far smaller than the graph: many rounds of each query.
      await deleteGraph(scope, 'gen-test:', { edges: 300, nodes: 50 });
      const [after] = await scope.runText(COUNT_ALL);
      expect(after).toEqual(before);
    });
  });
});

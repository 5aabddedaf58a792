/**
 * A fingerprint of the seed: every node and edge of the knowledge graph that no test made
 * (tests mark their ids and token names with "test-"), with all properties. The fuzz test
 * takes it before and after: equal fingerprints mean nothing in the seed was written.
 */
import { createHash } from 'node:crypto';

import type { Executor } from '../../../src/db/executor.js';

const TEST_MARK = 'test-';

export async function seedFingerprint(executor: Executor): Promise<{ nodes: number; edges: number; hash: string }> {
  const nodes = await executor.runStatement(
    `MATCH (n) WHERE NOT n:AuditEntry AND NOT n:Dataset AND NOT coalesce(n.id, '') CONTAINS $mark
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`,
    { mark: TEST_MARK },
    'READ',
  );
  const edges = await executor.runStatement(
    `MATCH (a)-[r]->(b)
     WHERE NOT coalesce(r.id, '') CONTAINS $mark AND NOT coalesce(a.id, '') CONTAINS $mark AND NOT coalesce(b.id, '') CONTAINS $mark
       AND NOT a:AuditEntry AND NOT a:Dataset AND NOT b:Dataset
     RETURN a.id AS fromId, type(r) AS type, b.id AS toId, properties(r) AS props`,
    { mark: TEST_MARK },
    'READ',
  );
  // Sorted here: Cypher cannot order by a map.
  const lines = [...nodes, ...edges].map((row) => JSON.stringify(row, (_k, v: unknown) => sortKeys(v))).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return { nodes: nodes.length, edges: edges.length, hash: hash.digest('hex') };
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

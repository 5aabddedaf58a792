/**
 * The benchmark's operations: each as the GraphQL the service answers, and as the hand-written
 * Cypher a plain HTTP server answers with the same JSON, byte for byte (checked before timing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchIds {
  actor: string;
  first: string;
  second: string;
}

/** Runs one Cypher statement and returns its records as plain objects. */
export type RunCypher = (text: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

export interface Operation {
  name: string;
  graphql: (ids: BenchIds) => string;
  raw: (run: RunCypher, ids: BenchIds) => Promise<unknown>;
}

const cypher = (name: string) => readFileSync(join(import.meta.dirname, '../../cypher/bench', `${name}.cypher`), 'utf8');
const SEARCH_TEXT = 'generated position 000123';
// The service turns the words into this escaped Lucene query (src/shared/text.ts).
const SEARCH_QUERY = '+generated +position +(000123 OR 000123*)';

const stanceRow = (titleAndPublishers: unknown) => {
  const [title, publishers] = titleAndPublishers as [string, string[]];
  return { position: { title }, sources: publishers.map((publisher) => ({ publisher })) };
};

export const OPERATIONS: Operation[] = [
  {
    name: 'stance table, REJECTED',
    graphql: () =>
      `{ stances(filter: { kinds: [REJECTED] }, page: { limit: 50 }) { total items { kind date actor { name } position { title } evidence { quote source { publisher } } } } }`,
    raw: async (run) => {
      const [rows, [count]] = await Promise.all([run(cypher('raw-stance-table'), { limit: 50 }), run(cypher('raw-count-kind'), {})]);
      const items = rows.map((row) => ({
        kind: 'REJECTED',
        date: String(row['date']),
        actor: { name: row['actor'] },
        position: { title: row['position'] },
        evidence: (row['evidence'] as Array<[string, string]>).map(([quote, publisher]) => ({ quote, source: { publisher } })),
      }));
      return { stances: { total: Number(count?.['total']), items } };
    },
  },
  {
    name: 'actor with stances, sources',
    graphql: (ids) =>
      `{ actor(id: "${ids.actor}") { name proposed { position { title } sources { publisher } } rejected { position { title } sources { publisher } } agreedTo { position { title } sources { publisher } } } }`,
    raw: async (run, ids) => {
      const [row] = await run(cypher('raw-actor-stances'), { actorId: ids.actor });
      if (!row) return { actor: null };
      const list = (key: string) => (row[key] as unknown[]).map(stanceRow);
      return { actor: { name: row['name'], proposed: list('proposed'), rejected: list('rejected'), agreedTo: list('agreedTo') } };
    },
  },
  {
    name: 'full-text search',
    graphql: () => `{ search(text: "${SEARCH_TEXT}") { score kind } }`,
    raw: async (run) => {
      const rows = await run(cypher('raw-search'), { query: SEARCH_QUERY, limit: 20 });
      const kindOf = (labels: string[]) =>
        labels.includes('Stance') ? 'Stance' : (['Actor', 'Meeting', 'Position', 'Document', 'Source', 'Disagreement'].find((l) => labels.includes(l)) ?? '');
      return { search: rows.map((row) => ({ score: row['score'], kind: kindOf(row['labels'] as string[]) })) };
    },
  },
  {
    name: 'positions, first page',
    graphql: () => `{ positions(page: { limit: 50 }) { total items { id title type topics } } }`,
    raw: async (run) => {
      const [row] = await run(cypher('raw-positions-page'), { limit: 50 });
      const items = (row?.['items'] as Array<[string, string, string, string[]]>).map(([id, title, type, topics]) => ({ id, title, type, topics }));
      return { positions: { total: Number(row?.['total']), items } };
    },
  },
  {
    name: 'commonGround',
    graphql: (ids) => `{ commonGround(actorIds: ["${ids.first}", "${ids.second}"], includeMembers: false) { title } }`,
    raw: async (run, ids) => ({
      commonGround: (await run(cypher('raw-common-ground'), { first: ids.first, second: ids.second })).map((row) => ({ title: row['title'] })),
    }),
  },
  {
    name: 'connection',
    graphql: (ids) => `{ connection(fromId: "${ids.first}", toId: "${ids.second}") { length nodes { label } } }`,
    raw: async (run, ids) => {
      const rows = await run(cypher('raw-connection'), { fromId: ids.first, toId: ids.second, limit: 5 });
      return {
        connection: rows.map((row) => ({
          length: (row['edges'] as unknown[]).length,
          nodes: (row['nodes'] as Array<{ label: string }>).map((node) => ({ label: node.label })),
        })),
      };
    },
  },
];

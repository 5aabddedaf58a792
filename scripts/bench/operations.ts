/**
 * The benchmark's operations: each as the GraphQL the service answers, and as the hand-written
 * Cypher a plain HTTP server answers with the same JSON, byte for byte (checked before timing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { toFullTextQuery } from '../../src/shared/text.js';

/** What the operations ask about, chosen from the graph being measured (scripts/benchmark.ts). */
export interface BenchIds {
  /** The actor whose stance lists are read. */
  actor: string;
  /** Two actors that agreed to a common position, for commonGround and connection. */
  first: string;
  second: string;
  /** The words searched for. */
  searchText: string;
}

/** Runs one Cypher statement and returns its records as plain objects. */
export type RunCypher = (text: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

export interface Operation {
  name: string;
  graphql: (ids: BenchIds) => string;
  raw: (run: RunCypher, ids: BenchIds) => Promise<unknown>;
  /** The same question to @neo4j/graphql (scripts/bench/neo4j-graphql-server.ts): its answer has its own shape. */
  peer: (ids: BenchIds) => string;
  /** How many rows an answer holds (the service's or the peer's `data`), to check the peer answers the same question. */
  rows: (data: Data) => number;
}

/** The `data` of a GraphQL answer, walked loosely: only list lengths are compared. */
type Data = Record<string, any>;

const lengths = (...lists: unknown[]) => lists.reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);

/** An actor's three stance lists as @neo4j/graphql connections: active ones, in date order, 25 each. */
const peerStanceList = (field: string) =>
  `${field}Connection(first: 25, where: { edge: { status: { eq: "ACTIVE" } } }, sort: [{ edge: { date: ASC } }]) { edges { node { title } properties { sourceIds } } }`;

// Read once: the raw server must not pay a file read per request that the service does not.
const texts = new Map<string, string>();
const cypher = (name: string) => {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(join(import.meta.dirname, '../../cypher/bench', `${name}.cypher`), 'utf8');
    texts.set(name, text);
  }
  return text;
};
// The raw server sends the Lucene query the service makes of the words (src/shared/text.ts).
const searchQuery = (ids: BenchIds) => toFullTextQuery(ids.searchText) ?? '';

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
        date: row['date'],
        actor: { name: row['actor'] },
        position: { title: row['position'] },
        evidence: (row['evidence'] as Array<[string, string]>).map(([quote, publisher]) => ({ quote, source: { publisher } })),
      }));
      return { stances: { total: Number(count?.['total']), items } };
    },
    peer: () => `{ rejectedStances(limit: 50) { date actor position evidence { quote publisher } } rejectedCount }`,
    rows: (data) => lengths(data['stances']?.items, data['rejectedStances']),
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
    // Sources are ids on the edge, not nodes with relationships: the peer returns the ids
    // (publishers would take it a second request), so it does less than the service here.
    peer: (ids) =>
      `{ actors(where: { id: { eq: "${ids.actor}" } }) { name ${peerStanceList('proposed')} ${peerStanceList('rejected')} ${peerStanceList('agreedTo')} } }`,
    rows: (data) => {
      const actor = data['actor'] ?? data['actors']?.[0];
      if (data['actor']) return lengths(actor?.proposed, actor?.rejected, actor?.agreedTo);
      return lengths(actor?.proposedConnection?.edges, actor?.rejectedConnection?.edges, actor?.agreedToConnection?.edges);
    },
  },
  {
    name: 'full-text search',
    graphql: (ids) => `{ search(text: ${JSON.stringify(ids.searchText)}) { score kind } }`,
    raw: async (run, ids) => {
      const rows = await run(cypher('raw-search'), { query: searchQuery(ids), limit: 20 });
      const kindOf = (labels: string[]) =>
        labels.includes('Stance') ? 'Stance' : (['Actor', 'Meeting', 'Position', 'Document', 'Source', 'Disagreement'].find((l) => labels.includes(l)) ?? '');
      return { search: rows.map((row) => ({ score: row['score'], kind: kindOf(row['labels'] as string[]) })) };
    },
    peer: (ids) => `{ search(query: ${JSON.stringify(searchQuery(ids))}, limit: 20) { score kind } }`,
    rows: (data) => lengths(data['search']),
  },
  {
    name: 'positions, first page',
    graphql: () => `{ positions(page: { limit: 50 }) { total items { id title type topics } } }`,
    raw: async (run) => {
      const [row] = await run(cypher('raw-positions-page'), { limit: 50 });
      const items = (row?.['items'] as Array<[string, string, string, string[]]>).map(([id, title, type, topics]) => ({ id, title, type, topics }));
      return { positions: { total: Number(row?.['total']), items } };
    },
    peer: () => `{ positions(limit: 50, sort: [{ title: ASC }, { id: ASC }]) { id title type topics } positionsConnection { aggregate { count { nodes } } } }`,
    rows: (data) => lengths(data['positions']?.items ?? data['positions']),
  },
  {
    name: 'commonGround',
    graphql: (ids) => `{ commonGround(actorIds: ["${ids.first}", "${ids.second}"], includeMembers: false) { title } }`,
    raw: async (run, ids) => ({
      commonGround: (await run(cypher('raw-common-ground'), { first: ids.first, second: ids.second })).map((row) => ({ title: row['title'] })),
    }),
    peer: (ids) => `{ commonGround(first: "${ids.first}", second: "${ids.second}") { title } }`,
    rows: (data) => lengths(data['commonGround']),
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
    peer: (ids) => `{ connection(fromId: "${ids.first}", toId: "${ids.second}") { length nodes { label } } }`,
    rows: (data) => lengths(data['connection']),
  },
];

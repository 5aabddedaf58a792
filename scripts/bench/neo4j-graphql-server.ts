/**
 * The benchmark's generic peer: @neo4j/graphql (7.x) serving type definitions over the same
 * labels and relationship types, on Apollo Server in its own process, as a user of that
 * library would write them: nodes with `@node`, stance edges as `@relationship`s with
 * `@relationshipProperties`, and `@cypher` fields for what it cannot express generically (a
 * table across every edge of a kind, full-text over several labels, common ground, paths).
 * Env: BENCH_NEO4J_URI, NEO4J_PASSWORD, PORT.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const STANCE_KINDS = [
  ['proposed', 'PROPOSED'],
  ['rejected', 'REJECTED'],
  ['agreedTo', 'AGREED_TO'],
  ['considering', 'CONSIDERING'],
] as const;

// The stance table of one kind: no generic root query lists the edges of a type across every
// node in edge order, so it is a @cypher field per kind (typed, like the hand-written Cypher,
// undated stances last as in cypher/bench/raw-stance-table.cypher).
const stanceTable = ([name, type]: readonly [string, string]) => `
    ${name}Stances(limit: Int!): [StanceRow!]!
      @cypher(
        statement: """
        CALL () {
          MATCH (a:Actor)-[r:${type}]->(p:Position)
          WHERE r.date IS NOT NULL AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
          WITH a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $limit
          RETURN collect([a, r, p]) AS dated
        }
        CALL (dated) {
          UNWIND dated AS row
          RETURN row
          UNION ALL
          WITH dated WHERE size(dated) < $limit
          MATCH (a:Actor)-[r:${type}]->(p:Position)
          WHERE r.date IS NULL AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
          WITH a, r, p ORDER BY a.name, p.title, r.id LIMIT $limit
          RETURN [a, r, p] AS row
        }
        WITH row LIMIT $limit
        WITH row[0] AS a, row[1] AS r, row[2] AS p
        RETURN {date: toString(r.date), actor: a.name, position: p.title,
                evidence: [i IN range(0, size(r.sourceIds) - 1) | {quote: r.evidence[i],
                           publisher: COLLECT { MATCH (s:Source {id: r.sourceIds[i]}) RETURN s.publisher }[0]}]} AS row
        """
        columnName: "row"
      )
    ${name}Count: Int! @cypher(statement: "CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS stored } CALL () { MATCH ()-[r:${type}]->() WHERE r.retractedAt IS NOT NULL RETURN count(r) AS retracted } RETURN stored - retracted AS total", columnName: "total")`;

const stanceEdge = (field: string, type: string, direction: 'IN' | 'OUT', target: string) =>
  `${field}: [${target}!]! @relationship(type: "${type}", direction: ${direction}, properties: "StanceProperties")`;

export const typeDefs = /* GraphQL */ `
  type StanceProperties @relationshipProperties {
    id: ID!
    date: Date
    meetingId: String
    status: String
    sourceIds: [String!]
    evidence: [String!]
  }

  type Actor @node {
    id: ID!
    name: String
    kind: String
    ${stanceEdge('proposed', 'PROPOSED', 'OUT', 'Position')}
    ${stanceEdge('rejected', 'REJECTED', 'OUT', 'Position')}
    ${stanceEdge('agreedTo', 'AGREED_TO', 'OUT', 'Position')}
    ${stanceEdge('considering', 'CONSIDERING', 'OUT', 'Position')}
  }

  type Position @node {
    id: ID!
    title: String
    type: String
    summary: String
    topics: [String!]
    ${stanceEdge('proposedBy', 'PROPOSED', 'IN', 'Actor')}
    ${stanceEdge('rejectedBy', 'REJECTED', 'IN', 'Actor')}
    ${stanceEdge('agreedBy', 'AGREED_TO', 'IN', 'Actor')}
    ${stanceEdge('consideredBy', 'CONSIDERING', 'IN', 'Actor')}
  }

  type Source @node {
    id: ID!
    publisher: String
    title: String
  }

  type Quote {
    quote: String
    publisher: String
  }

  type StanceRow {
    date: String
    actor: String
    position: String
    evidence: [Quote!]!
  }

  type SearchHit {
    score: Float!
    kind: String!
  }

  type PathNode {
    label: String
  }

  type Path {
    length: Int!
    nodes: [PathNode!]!
  }

  type Query {
    ${STANCE_KINDS.map(stanceTable).join('\n')}
    search(query: String!, limit: Int!): [SearchHit!]!
      @cypher(
        statement: """
        CALL () {
          CALL db.index.fulltext.queryNodes('node_text', $query, {limit: $limit}) YIELD node, score
          RETURN node.id AS id, [l IN labels(node) WHERE l IN ['Actor', 'Meeting', 'Position', 'Document', 'Source', 'Disagreement']][0] AS kind, score
          UNION ALL
          CALL db.index.fulltext.queryRelationships('stance_text', $query, {limit: $limit}) YIELD relationship, score
          WITH relationship AS r, score WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
          RETURN r.id AS id, 'Stance' AS kind, score
        }
        WITH id, kind, score ORDER BY score DESC, id LIMIT $limit
        RETURN {score: score, kind: kind} AS hit
        """
        columnName: "hit"
      )
    commonGround(first: ID!, second: ID!): [Position!]!
      @cypher(
        statement: """
        MATCH (:Actor {id: $first})-[r1:AGREED_TO]->(p:Position)<-[r2:AGREED_TO]-(:Actor {id: $second})
        WHERE coalesce(r1.status, 'ACTIVE') = 'ACTIVE' AND coalesce(r2.status, 'ACTIVE') = 'ACTIVE'
        WITH DISTINCT p ORDER BY p.title, p.id LIMIT 20
        RETURN p
        """
        columnName: "p"
      )
    connection(fromId: ID!, toId: ID!): [Path!]!
      @cypher(
        statement: """
        CALL () {
          MATCH (n:Actor {id: $fromId}) RETURN n
          UNION MATCH (n:Meeting {id: $fromId}) RETURN n
          UNION MATCH (n:Position {id: $fromId}) RETURN n
          UNION MATCH (n:Document {id: $fromId}) RETURN n
          UNION MATCH (n:Disagreement {id: $fromId}) RETURN n
        }
        WITH n AS start
        CALL (start) {
          MATCH (n:Actor {id: $toId}) RETURN n
          UNION MATCH (n:Meeting {id: $toId}) RETURN n
          UNION MATCH (n:Position {id: $toId}) RETURN n
          UNION MATCH (n:Document {id: $toId}) RETURN n
          UNION MATCH (n:Disagreement {id: $toId}) RETURN n
        }
        WITH start, n AS finish
        WHERE start <> finish
        MATCH path = allShortestPaths((start)-[*..6]-(finish))
        WHERE all(r IN relationships(path) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE')
        WITH path LIMIT 5
        RETURN {length: length(path), nodes: [n IN nodes(path) | {label: coalesce(n.name, n.title, n.summary, n.id)}]} AS path
        """
        columnName: "path"
      )
  }
`;

async function main(): Promise<void> {
  const driver = neo4j.driver(process.env['BENCH_NEO4J_URI'] as string, neo4j.auth.basic('neo4j', process.env['NEO4J_PASSWORD'] as string));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  await startStandaloneServer(server, {
    listen: { port: Number(process.env['PORT']), host: '127.0.0.1' },
    context: async ({ req }) => ({ token: req.headers.authorization }),
  });
  console.log('ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

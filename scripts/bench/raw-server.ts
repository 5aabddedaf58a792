/**
 * The benchmark's baseline: a plain node:http server that answers each operation with
 * hand-written Cypher over neo4j-driver (auto-commit, one statement per round trip) and the
 * same JSON the service returns. POST /<operation index>. Env: BENCH_NEO4J_URI,
 * NEO4J_PASSWORD, BENCH_IDS (JSON), PORT.
 */
import { createServer } from 'node:http';

import neo4j from 'neo4j-driver';

import { type BenchIds, OPERATIONS, type RunCypher } from './operations.js';

const driver = neo4j.driver(process.env['BENCH_NEO4J_URI'] as string, neo4j.auth.basic('neo4j', process.env['NEO4J_PASSWORD'] as string), {
  disableLosslessIntegers: true,
});
const ids = JSON.parse(process.env['BENCH_IDS'] as string) as BenchIds;

const run: RunCypher = async (text, params) => {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(text, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? neo4j.int(v) : v])));
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
};

createServer((req, res) => {
  const operation = OPERATIONS[Number(req.url?.slice(1))];
  req.resume();
  req.on('end', () => {
    if (!operation) {
      res.writeHead(404).end();
      return;
    }
    operation
      .raw(run, ids)
      .then((data) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(`${JSON.stringify({ data })}\n`);
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
}).listen(Number(process.env['PORT']), '127.0.0.1', () => console.log('ready'));

/**
 * `npm start`: with NEO4J_URI unset, provisions, starts (and on first run seeds) a local
 * Neo4j, then serves the API. With NEO4J_URI set, uses that server and provisions nothing.
 * The local Neo4j keeps running after the API stops; `npm run db:stop` stops it.
 */
import { loadDotEnv } from '../src/config/config.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { main } from '../src/main.js';

async function start(): Promise<void> {
  loadDotEnv();
  if (process.env['NEO4J_URI']) {
    console.log(`Using the Neo4j at ${process.env['NEO4J_URI']} (NEO4J_URI is set; nothing is provisioned).`);
  } else {
    const options = defaultLocalNeo4jOptions();
    process.env['NEO4J_URI'] = await startLocalNeo4j(options);
    process.env['NEO4J_PASSWORD'] = options.password;
    console.log('[neo4j] It keeps running when the API stops; "npm run db:stop" stops it.');
  }
  await main();
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

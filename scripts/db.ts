/**
 * npm run db:start | db:stop | db:status | db:reset [-- --yes]
 * Manages the local Neo4j that the project provisions when NEO4J_URI is not set.
 */
import { createInterface } from 'node:readline/promises';

import { loadDotEnv } from '../src/config/config.js';
import { defaultLocalNeo4jOptions, resetLocalNeo4j, startLocalNeo4j, statusOfLocalNeo4j, stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function main(command: string | undefined, flags: string[]): Promise<number> {
  loadDotEnv();
  if (process.env['NEO4J_URI'] && command !== 'status') {
    console.log(`NEO4J_URI is set (${process.env['NEO4J_URI']}): the project does not manage that server.`);
  }
  const options = defaultLocalNeo4jOptions();
  switch (command) {
    case 'start':
      await startLocalNeo4j(options);
      return 0;
    case 'stop':
      if (!(await stopLocalNeo4j(options))) console.log('The local Neo4j is not running.');
      return 0;
    case 'status': {
      const status = await statusOfLocalNeo4j(options);
      if (status.running) console.log(`running  pid ${status.pid}  ${status.uri}  data: ${status.home}`);
      else if (status.portOpen) console.log(`not ours: something else listens on ${status.uri}`);
      else console.log(`stopped  data: ${status.home}`);
      return status.running ? 0 : 3;
    }
    case 'reset': {
      console.log(`This stops the local Neo4j and deletes ALL its data in ${options.home}.`);
      const yes = flags.includes('--yes') || (await confirm('Type "yes" to continue: '));
      if (!yes) {
        console.log('Nothing deleted. Run "npm run db:reset -- --yes" to confirm without a prompt.');
        return 1;
      }
      await resetLocalNeo4j(options);
      return 0;
    }
    default:
      console.error('usage: tsx scripts/db.ts start|stop|status|reset [--yes]');
      return 2;
  }
}

main(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

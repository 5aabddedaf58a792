/**
 * `npm run token -- <command>`: manages API tokens in the database (the local Neo4j, started
 * if needed, or NEO4J_URI). Only salted hashes are stored; a secret is printed once, when it
 * is created, and never again. Every change is in the audit log (via "cli").
 *
 *   npm run token -- create --name alice --role editor [--expires 90d]
 *                                                          store a new token, print its secret
 *   npm run token -- create --name ci --role editor --env [--expires 2027-01-01]
 *                                                          print the secret and the hashed
 *                                                          entry for AUTH_TOKENS; store nothing
 *   npm run token -- list                                  list tokens in force (no secrets)
 *   npm run token -- revoke <id>                           revoke a token, on every replica
 *
 * A tokens file from before tokens moved into the database (AUTH_TOKENS_FILE, default
 * .data/tokens.json) is moved in first, once. Roles: reader (reads, when
 * READS_REQUIRE_TOKEN=true), editor (writes, imports), admin (also retracts stances and
 * manages tokens through the API). --expires takes a duration (90d, 12h, 2w) or an ISO date.
 */
import 'reflect-metadata';

import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

import { generateToken, isRole, parseExpiry, ROLES } from '../src/auth/token.js';
import { createToken, migrateTokensFile, revokeToken } from '../src/auth/token.service.js';
import { TokenStore } from '../src/auth/token-store.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';

function usage(): string {
  return [
    'Usage:',
    '  npm run token -- create --name <name> --role <reader|editor|admin> [--expires <90d|12h|2w|ISO date>] [--env]',
    '  npm run token -- list',
    '  npm run token -- revoke <id>',
  ].join('\n');
}

async function withDatabase<T>(work: (executor: Executor, tokens: TokenStore) => Promise<T>): Promise<T> {
  if (!process.env['NEO4J_URI']) process.env['NEO4J_URI'] = await startLocalNeo4j({ ...defaultLocalNeo4jOptions(), log: () => undefined });
  const config = loadConfig();
  const logger = createLogger('warn');
  const executor = new Executor(config.neo4j, logger);
  try {
    await applySchema(executor);
    const moved = await migrateTokensFile(executor, config.auth.tokensFile, logger);
    if (moved > 0) console.log(`Moved ${moved} token(s) from ${config.auth.tokensFile} into the database (the file is renamed to .migrated).`);
    return await work(executor, new TokenStore(executor, config.auth.tokensJson));
  } finally {
    await executor.close();
  }
}

async function run(argv: string[]): Promise<number> {
  loadDotEnv();
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      env: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage());
    return command ? 0 : 1;
  }
  const actor = { by: `cli:${userInfo().username}`, via: 'cli' as const };
  switch (command) {
    case 'create': {
      const name = values.name;
      const role = values.role ?? 'editor';
      if (!name) throw new Error(`--name is required\n${usage()}`);
      if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
      const expiresAt = values.expires === undefined ? null : parseExpiry(values.expires);
      const expiry = expiresAt ? `, expires ${expiresAt.toISOString()}` : '';
      if (values.env) {
        const { token, stored } = generateToken(name, role, new Date(), expiresAt);
        console.log(`Token for "${name}" (role ${role}${expiry}). It is shown only now; keep it secret:\n\n  ${token}\n`);
        console.log('Add this entry to the JSON array in AUTH_TOKENS (it holds only a hash):\n');
        console.log(`  ${JSON.stringify(stored)}\n`);
        return 0;
      }
      return withDatabase(async (executor) => {
        const { token, info } = await createToken(executor, { name, role, expiresAt }, actor);
        console.log(`Created token ${info.id} for "${name}" (role ${role}${expiry}); its hash is in the database.`);
        console.log(`The secret is shown only now; keep it secret:\n\n  ${token}\n`);
        console.log(`Use it as:  Authorization: Bearer ${token.slice(0, 8)}...`);
        return 0;
      });
    }
    case 'list':
      return withDatabase(async (_executor, tokens) => {
        const list = await tokens.list();
        if (list.length === 0) console.log('No tokens in force (none in the database; AUTH_TOKENS unset or empty).');
        for (const t of list) {
          const expiry = t.expiresAt ? `expires ${t.expiresAt}${Date.parse(t.expiresAt) <= Date.now() ? ' (expired)' : ''}` : 'no expiry';
          console.log(`${t.id}  ${t.role.padEnd(6)}  ${t.name.padEnd(20)}  ${t.createdAt}  ${expiry}  (${t.origin})`);
        }
        return 0;
      });
    case 'revoke': {
      const [id] = rest;
      if (!id) throw new Error(`revoke needs a token id\n${usage()}`);
      return withDatabase(async (executor, tokens) => {
        if (tokens.fromEnvironment(id)) {
          console.error(`Token ${id} comes from AUTH_TOKENS; remove it there.`);
          return 1;
        }
        const revoked = await revokeToken(executor, id, actor);
        if (!revoked) {
          console.error(`No token ${id} in force in the database.`);
          return 1;
        }
        console.log(`Revoked token ${id} of "${revoked.name}".`);
        return 0;
      });
    }
    default:
      console.error(`Unknown command "${command}".\n${usage()}`);
      return 1;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

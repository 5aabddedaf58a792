/**
 * `npm run token -- <command>`: manages API tokens. Only salted hashes are stored (in
 * AUTH_TOKENS_FILE, default .data/tokens.json, mode 0600); a secret is printed once, when it
 * is created, and never again.
 *
 *   npm run token -- create --name alice --role editor   store a new token, print its secret
 *   npm run token -- create --name ci --role editor --env
 *                                                          print the secret and the hashed
 *                                                          entry for AUTH_TOKENS; store nothing
 *   npm run token -- list                                  list tokens (no secrets)
 *   npm run token -- revoke <id>                           delete a token from the file
 *
 * Roles: reader (reads, when READS_REQUIRE_TOKEN=true), editor (writes, imports), admin
 * (also retracts stances and manages tokens through the API).
 */
import { parseArgs } from 'node:util';

import { generateToken, isRole, ROLES } from '../src/auth/token.js';
import { TokenStore } from '../src/auth/token-store.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';

function usage(): string {
  return [
    'Usage:',
    '  npm run token -- create --name <name> --role <reader|editor|admin> [--env]',
    '  npm run token -- list',
    '  npm run token -- revoke <id>',
  ].join('\n');
}

function run(argv: string[]): number {
  loadDotEnv();
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, env: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage());
    return command ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'create': {
      const name = values.name;
      const role = values.role ?? 'editor';
      if (!name) throw new Error(`--name is required\n${usage()}`);
      if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
      if (values.env) {
        const { token, stored } = generateToken(name, role);
        console.log(`Token for "${name}" (role ${role}). It is shown only now; keep it secret:\n\n  ${token}\n`);
        console.log('Add this entry to the JSON array in AUTH_TOKENS (it holds only a hash):\n');
        console.log(`  ${JSON.stringify(stored)}\n`);
        return 0;
      }
      const store = new TokenStore(config.auth.tokensFile, config.auth.tokensJson);
      const { token, info } = store.create(name, role);
      console.log(`Created token ${info.id} for "${name}" (role ${role}); its hash is in ${store.file}.`);
      console.log(`The secret is shown only now; keep it secret:\n\n  ${token}\n`);
      console.log(`Use it as:  Authorization: Bearer ${token.slice(0, 8)}...`);
      return 0;
    }
    case 'list': {
      const store = new TokenStore(config.auth.tokensFile, config.auth.tokensJson);
      const tokens = store.list();
      if (tokens.length === 0) console.log(`No tokens (file ${store.file}; AUTH_TOKENS ${config.auth.tokensJson ? 'set' : 'unset'}).`);
      for (const t of tokens) console.log(`${t.id}  ${t.role.padEnd(6)}  ${t.name.padEnd(20)}  ${t.createdAt}  (${t.origin})`);
      return 0;
    }
    case 'revoke': {
      const [id] = rest;
      if (!id) throw new Error(`revoke needs a token id\n${usage()}`);
      const store = new TokenStore(config.auth.tokensFile, config.auth.tokensJson);
      if (!store.revoke(id)) {
        const fromEnv = store.list().some((t) => t.id === id && t.origin === 'env');
        console.error(fromEnv ? `Token ${id} comes from AUTH_TOKENS; remove it there.` : `No token ${id} in ${store.file}.`);
        return 1;
      }
      console.log(`Revoked token ${id}.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n${usage()}`);
      return 1;
  }
}

try {
  process.exit(run(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

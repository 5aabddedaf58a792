/**
 * The Docker deployment files (docker-compose.yml, deploy/), which CI cannot run (no Docker
 * engine on its machines): the replicas behind nginx take the client's address from the
 * proxy, so rate limits count per client (tests/integration/rate-limit.int.test.ts shows the
 * effect of TRUST_PROXY=1); and each API healthcheck is a Node one-liner (a slim Node image has
 * no wget or curl), which is run here against a real HTTP server, quoting and all.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../src/config/paths.js';

const compose = readFileSync(join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
const nginx = readFileSync(join(PROJECT_ROOT, 'deploy', 'nginx-replicas.conf'), 'utf8');

/** The shell commands of the healthchecks that probe the API (YAML single-quoted: '' is '). */
function apiHealthchecks(): string[] {
  return [...compose.matchAll(/test: \['CMD-SHELL', '((?:[^']|'')*)'\]/g)]
    .map((match) => (match[1] as string).replaceAll("''", "'"))
    .filter((command) => command.includes(':4000/health'));
}

/** Runs a healthcheck command against a server answering `status`, as Docker would (sh -c). */
async function runHealthcheck(command: string, status: number): Promise<number> {
  const server = createServer((req, res) => res.writeHead(req.url === '/health/ready' ? status : 404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    return await new Promise<number>((resolve) => {
      execFile('sh', ['-c', command.replace('127.0.0.1:4000', `127.0.0.1:${port}`)], { timeout: 20_000 }, (error) =>
        resolve(error ? Number((error as { code?: unknown }).code ?? 1) : 0),
      );
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('docker-compose.yml', () => {
  it('gives every API service a healthcheck that needs nothing but Node, and it works', async () => {
    const commands = apiHealthchecks();
    // api, and api-a (api-b shares its healthcheck through a YAML anchor).
    expect(commands.length).toBe(2);
    for (const command of commands) {
      expect(command).not.toMatch(/\b(wget|curl)\b/);
      expect(await runHealthcheck(command, 200)).toBe(0);
      expect(await runHealthcheck(command, 503)).toBe(1);
    }
  }, 60_000);

  it('has the replicas behind the proxy trust it for the client address', () => {
    const replicaEnvironment = compose.slice(compose.indexOf('&replica-environment'), compose.indexOf('depends_on', compose.indexOf('&replica-environment')));
    expect(replicaEnvironment).toMatch(/\n\s+TRUST_PROXY: \$\{TRUST_PROXY:-1\}\n/);
    // api-b takes the same environment.
    expect(compose).toMatch(/api-b:[\s\S]*<<: \*replica-environment/);
  });
});

describe('deploy/nginx-replicas.conf', () => {
  it('appends the client address to X-Forwarded-For (what TRUST_PROXY=1 reads)', () => {
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });
});

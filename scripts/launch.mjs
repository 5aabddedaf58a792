/**
 * `npm start`: plain JavaScript, so it runs before anything is compiled. It checks the Node
 * version, compiles the service to dist/ with tsc when dist/ is missing or older than its
 * sources (the first start, or after a pull), and runs the compiled start script
 * (dist/scripts/start.js). Later starts compile nothing and start in well under a second.
 *
 * The build goes to a temporary folder that replaces dist/ in one rename, so a replica
 * starting at the same moment never loads half a build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { requireSupportedNode } from './node-version.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-inputs');
/** What the build is made from: a change to any of these means compile again. */
const INPUTS = ['src', 'scripts/start.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function listFiles(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Size and mtime of every input: cheap to check on every start, and any edit changes it. */
export function fingerprintInputs() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => listFiles(join(ROOT, input))).sort()) {
    const stat = statSync(file);
    hash.update(`${relative(ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function buildIsCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === fingerprintInputs();
}

/** Compiles src/ and scripts/start.ts to dist/ with tsc; throws with tsc's output on failure. */
export function build(log = console.log) {
  const inputs = fingerprintInputs();
  const temporary = join(ROOT, `dist.building-${process.pid}`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const started = Date.now();
  log('[build] Compiling the service to dist/ (once, and again only when sources change)...');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', temporary], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(temporary, { recursive: true, force: true });
    throw new Error(`[build] tsc failed:\n${result.stdout}${result.stderr}`);
  }
  writeFileSync(join(temporary, '.build-inputs'), `${inputs}\n`);
  const previous = join(ROOT, `dist.previous-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, previous);
  renameSync(temporary, DIST);
  rmSync(previous, { recursive: true, force: true });
  log(`[build] Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function launch() {
  requireSupportedNode();
  if (!buildIsCurrent()) build();
  // Production mode unless told otherwise: graphql-js reads NODE_ENV once, when it loads, and
  // outside production every type test that answers no goes on to look for a second copy of
  // graphql-js by class names. Under the benchmark's load that was 10-15% of the service's
  // CPU for a 75-stance answer. Nothing else depends on it here: error details (DEV_ERRORS),
  // introspection, the landing page and WebSocket close reasons are configured explicitly.
  process.env.NODE_ENV ??= 'production';
  await import(pathToFileURL(join(DIST, 'scripts', 'start.js')).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  launch().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

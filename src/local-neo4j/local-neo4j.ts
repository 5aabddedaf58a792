/**
 * Provisions and runs a local Neo4j 5.26 Community server for development, tests and CI.
 *
 * Docker does not run on every machine this project must work on, and the Neo4j server
 * tarball is not on Maven Central, but the Community kernel is. `neo4j-launcher/` holds a
 * tiny Java program that runs that kernel with Bolt on; this module builds it with Maven
 * (downloading the jars once into Maven's own cache), starts it as a detached process that
 * outlives `npm start`, and stops it again. Nothing here is used when NEO4J_URI is set.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';

import { DEFAULT_LOCAL_PASSWORD, PROJECT_ROOT } from '../config/paths.js';

const LAUNCHER_DIR = join(PROJECT_ROOT, 'neo4j-launcher');
const CLASSPATH_FILE = join(LAUNCHER_DIR, 'target', 'classpath.txt');
const LAUNCHER_CLASS = 'org.negotiationgraph.launcher.LocalNeo4j';

export interface LocalNeo4jOptions {
  /** Directory holding the database files, logs and the pid file. */
  home: string;
  host: string;
  port: number;
  password: string;
  /** How long to wait for Bolt to come up before giving up and showing the log. */
  startTimeoutMs: number;
  /** JVM heap limit, e.g. "1g" (NEO4J_LOCAL_HEAP). */
  heap: string;
  /** Page cache size, e.g. "256m" (NEO4J_LOCAL_PAGECACHE); see docs/imports.md for sizing. */
  pageCache: string;
  log: (line: string) => void;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export function defaultLocalNeo4jOptions(env: NodeJS.ProcessEnv = process.env): LocalNeo4jOptions {
  const port = Number(env['NEO4J_LOCAL_PORT'] ?? '7687');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LocalNeo4jError(`NEO4J_LOCAL_PORT must be a port number (1-65535), got "${env['NEO4J_LOCAL_PORT']}"`);
  }
  return {
    home: resolve(PROJECT_ROOT, env['NEO4J_LOCAL_HOME'] ?? '.data/neo4j'),
    host: '127.0.0.1',
    port,
    password: env['NEO4J_PASSWORD'] ?? DEFAULT_LOCAL_PASSWORD,
    startTimeoutMs: Number(env['NEO4J_LOCAL_START_TIMEOUT_MS'] ?? '180000'),
    heap: checkSize('NEO4J_LOCAL_HEAP', env['NEO4J_LOCAL_HEAP'] ?? '1g'),
    pageCache: checkSize('NEO4J_LOCAL_PAGECACHE', env['NEO4J_LOCAL_PAGECACHE'] ?? '256m'),
    log: (line) => console.log(`[neo4j] ${line}`),
  };
}

/** A memory size as Java and Neo4j read it: a number and k, m or g ("512m", "2g"). */
function checkSize(name: string, value: string): string {
  if (!/^[1-9][0-9]*[kmgKMG]$/.test(value.trim())) throw new LocalNeo4jError(`${name} must be a size like "512m" or "2g", got "${value}"`);
  return value.trim().toLowerCase();
}

export function localBoltUri(options: Pick<LocalNeo4jOptions, 'host' | 'port'>): string {
  return `bolt://${options.host}:${options.port}`;
}

const pidFile = (o: LocalNeo4jOptions) => join(o.home, 'launcher.pid');
const logFile = (o: LocalNeo4jOptions) => join(o.home, 'launcher.log');

// ---------------------------------------------------------------------------------------
// Provisioning: Java, Maven and the Neo4j jars

function commandWorks(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.status === 0;
}

/** Makes sure java (17+) and mvn are on PATH, installing them from Debian when we are root. */
export function ensureJavaAndMaven(log: (line: string) => void): void {
  const haveJava = commandWorks('java', ['-version']);
  const haveMaven = commandWorks('mvn', ['-v']);
  if (haveJava && haveMaven) return;
  const missing = [!haveJava && 'Java 17 (java)', !haveMaven && 'Maven (mvn)'].filter(Boolean).join(' and ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandWorks('apt-get', ['--version'])) {
    throw new LocalNeo4jError(
      `${missing} not found. The local Neo4j needs them. Install them (Debian/Ubuntu: ` +
        `"sudo apt-get install -y openjdk-17-jdk-headless maven"), or point the service at an existing ` +
        `Neo4j by setting NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  log(`${missing} not found; installing from Debian (apt-get)...`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'openjdk-17-jdk-headless', 'maven']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      throw new LocalNeo4jError(`"apt-get ${args.join(' ')}" failed (exit ${result.status}); install Java 17 and Maven by hand.`);
    }
  }
}

/** True when the launcher is built and every jar on its class path is still in Maven's cache. */
function launcherIsBuilt(): boolean {
  if (!existsSync(CLASSPATH_FILE)) return false;
  const builtAt = statSync(CLASSPATH_FILE).mtimeMs;
  const sources = [join(LAUNCHER_DIR, 'pom.xml'), join(LAUNCHER_DIR, 'src/main/java/org/negotiationgraph/launcher/LocalNeo4j.java')];
  if (sources.some((file) => statSync(file).mtimeMs > builtAt)) return false;
  return readClasspath().every((entry) => existsSync(entry));
}

function readClasspath(): string[] {
  return readFileSync(CLASSPATH_FILE, 'utf8').trim().split(':').filter(Boolean);
}

/**
 * Builds the launcher and resolves the Neo4j jars. The first run downloads about 150 MB from
 * Maven Central into ~/.m2; later runs find everything there and return at once.
 */
export async function provisionLauncher(log: (line: string) => void): Promise<void> {
  if (launcherIsBuilt()) return;
  ensureJavaAndMaven(log);
  log('Building the Neo4j launcher and fetching the Neo4j 5.26 jars from Maven Central (first run only; cached in ~/.m2)...');
  const started = Date.now();
  const args = ['-B', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`, '-DskipTests'];
  const output: string[] = [];
  let downloaded = 0;
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        output.push(line);
        if (output.length > 200) output.shift();
        if (/Downloaded from/.test(line)) {
          downloaded += 1;
          if (downloaded % 25 === 0) log(`  ...${downloaded} files downloaded (${Math.round((Date.now() - started) / 1000)}s)`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new LocalNeo4jError(`Maven failed (exit ${code}). Last lines:\n${output.slice(-30).join('\n')}`));
    });
  });
  log(`Launcher ready (${downloaded} files downloaded, ${Math.round((Date.now() - started) / 1000)}s).`);
}

// ---------------------------------------------------------------------------------------
// Running: start, stop, status

/** Resolves true when something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPid(options: LocalNeo4jOptions): number | undefined {
  if (!existsSync(pidFile(options))) return undefined;
  const pid = Number(readFileSync(pidFile(options), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  uri: string;
  home: string;
  /** Bolt answers on the port (it may be another server when no pid is ours). */
  portOpen: boolean;
}

export async function statusOfLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4jStatus> {
  const pid = readPid(options);
  const portOpen = await isPortOpen(options.host, options.port);
  return { running: pid !== undefined && portOpen, pid, uri: localBoltUri(options), home: options.home, portOpen };
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log yet)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the local server unless it already runs, and resolves with its Bolt URI once it
 * accepts connections. Idempotent: a second call finds the running server.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<string> {
  const uri = localBoltUri(options);
  const existing = readPid(options);
  if (existing !== undefined) {
    if (await waitForReady(options, existing, options.startTimeoutMs)) {
      options.log(`Already running (pid ${existing}) at ${uri}.`);
      return uri;
    }
  }
  if (await isPortOpen(options.host, options.port)) {
    throw new LocalNeo4jError(
      `Port ${options.port} is already in use by another program, so the local Neo4j cannot start. ` +
        `Stop that program, choose another port with NEO4J_LOCAL_PORT, or use that server by setting NEO4J_URI.`,
    );
  }
  await provisionLauncher(options.log);

  mkdirSync(options.home, { recursive: true });
  const logPath = logFile(options);
  writeFileSync(logPath, '');
  const out = openSync(logPath, 'a');
  const classpath = [join(LAUNCHER_DIR, 'target', 'classes'), ...readClasspath()].join(':');
  options.log(`Starting Neo4j 5.26 Community at ${uri} (data in ${options.home})...`);
  const started = Date.now();
  const child = spawn(
    'java',
    [`-Xmx${options.heap}`, '-XX:+UseG1GC', '-cp', classpath, LAUNCHER_CLASS, join(options.home, 'dbms'), options.host, String(options.port)],
    // Detached with its own log, so the database outlives `npm start` and test runs.
    { detached: true, stdio: ['ignore', out, out], env: { ...process.env, NEO4J_PASSWORD: options.password, NEO4J_LOCAL_PAGECACHE: options.pageCache } },
  );
  closeSync(out);
  if (child.pid === undefined) throw new LocalNeo4jError('Could not start java.');
  writeFileSync(pidFile(options), String(child.pid));
  child.unref();

  if (!(await waitForReady(options, child.pid, options.startTimeoutMs))) {
    const alive = isProcessAlive(child.pid);
    if (alive) process.kill(child.pid, 'SIGTERM');
    rmSync(pidFile(options), { force: true });
    throw new LocalNeo4jError(
      `Neo4j did not come up ${alive ? `within ${Math.round(options.startTimeoutMs / 1000)}s` : '(the process exited)'}. ` +
        `Last lines of ${logPath}:\n${tail(logPath, 25)}\n` +
        `Last lines of ${join(options.home, 'dbms/logs/debug.log')}:\n${tail(join(options.home, 'dbms/logs/debug.log'), 15)}`,
    );
  }
  options.log(`Neo4j is up (${((Date.now() - started) / 1000).toFixed(1)}s).`);
  return uri;
}

async function waitForReady(options: LocalNeo4jOptions, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let nextNotice = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return false;
    const ready = readFileSync(logFile(options), 'utf8').includes('NEO4J_READY');
    if (ready && (await isPortOpen(options.host, options.port))) return true;
    if (Date.now() > nextNotice) {
      options.log('  ...still starting');
      nextNotice = Date.now() + 10_000;
    }
    await sleep(250);
  }
  return false;
}

/** Stops the local server (SIGTERM, then SIGKILL after a grace period). */
export async function stopLocalNeo4j(options: LocalNeo4jOptions, graceMs = 30_000): Promise<boolean> {
  const pid = readPid(options);
  if (pid === undefined) {
    rmSync(pidFile(options), { force: true });
    return false;
  }
  options.log(`Stopping Neo4j (pid ${pid})...`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isProcessAlive(pid)) {
    options.log('It did not stop in time; killing it.');
    process.kill(pid, 'SIGKILL');
    while (isProcessAlive(pid)) await sleep(100);
  }
  rmSync(pidFile(options), { force: true });
  options.log('Stopped.');
  return true;
}

/** Stops the server and deletes its data directory. Callers confirm with the user first. */
export async function resetLocalNeo4j(options: LocalNeo4jOptions): Promise<void> {
  await stopLocalNeo4j(options);
  rmSync(options.home, { recursive: true, force: true });
  options.log(`Deleted ${options.home}.`);
}

/**
 * A Python virtual environment at .venv/ with the notebooks' pinned packages, for the tests
 * that check what analysts' tools make of the service (pandas, networkx, the notebooks).
 *
 * Created when missing, re-installed when notebooks/requirements.txt changes (a hash of it is
 * kept in .venv/.requirements.sha256), reused otherwise. The first run downloads the
 * packages (a few hundred MB installed); later runs take a second. Test files run in
 * parallel and may all ask at once, so a lock directory makes them take turns.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../src/config/paths.js';

export const VENV_DIR = join(PROJECT_ROOT, '.venv');
export const REQUIREMENTS_FILE = join(PROJECT_ROOT, 'notebooks', 'requirements.txt');
const STAMP_FILE = join(VENV_DIR, '.requirements.sha256');
const LOCK_DIR = join(PROJECT_ROOT, 'test-output', '.python-env.lock');
/** A lock with no owner recorded and older than this is left over from a killed run. */
const STALE_LOCK_MS = 30 * 60_000;
/** pandas 3 and numpy 2.4 need Python 3.11 or later. */
const MIN_PYTHON: readonly [number, number] = [3, 11];

export interface PythonEnv {
  /** The environment's interpreter, e.g. /repo/.venv/bin/python. */
  python: string;
  dir: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const log = (line: string) => console.log(`[python-env] ${line}`);

/**
 * Runs a command; resolves with its exit code and output (never rejects on a non-zero exit).
 * With `echo`, output is also passed through as it comes, for progress of long steps.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? PROJECT_ROOT, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

function requirementsHash(): string {
  return createHash('sha256').update(readFileSync(REQUIREMENTS_FILE)).digest('hex');
}

function venvPython(): string {
  return process.platform === 'win32' ? join(VENV_DIR, 'Scripts', 'python.exe') : join(VENV_DIR, 'bin', 'python');
}

async function isUpToDate(python: string, hash: string): Promise<boolean> {
  if (!existsSync(python) || !existsSync(STAMP_FILE)) return false;
  if (readFileSync(STAMP_FILE, 'utf8').trim() !== hash) return false;
  // A venv whose base interpreter was removed or upgraded no longer runs: rebuild it.
  return (await runCommand(python, ['-c', 'import nbclient, pandas, networkx'])).code === 0;
}

/** The interpreter that creates the venv: $PYTHON, else python3; checked for its version. */
async function basePython(): Promise<string> {
  const candidate = process.env['PYTHON'] || 'python3';
  const probe = await runCommand(candidate, ['-c', 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])']).catch((error: Error) => ({
    code: 1,
    stdout: '',
    stderr: error.message,
  }));
  if (probe.code !== 0) {
    throw new Error(
      `${candidate} cannot create a virtual environment (need Python >= ${MIN_PYTHON.join('.')} with venv and ensurepip): ${probe.stderr.trim()}`,
    );
  }
  const [major = 0, minor = 0] = probe.stdout.trim().split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new Error(`${candidate} is Python ${probe.stdout.trim()}; the notebooks need ${MIN_PYTHON.join('.')} or later (set PYTHON to another interpreter)`);
  }
  return candidate;
}

/** Whether the process that took the lock is gone (killed mid-install), so the lock is stale. */
function lockIsStale(): boolean {
  const stat = statSync(LOCK_DIR, { throwIfNoEntry: false });
  if (!stat) return false;
  let pid = 0;
  try {
    pid = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8').trim());
  } catch {
    // Not written yet, or the lock was just released: judge by age alone.
  }
  if (!pid) return Date.now() - stat.mtimeMs > STALE_LOCK_MS;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(LOCK_DIR, '..'), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale()) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (!announced) log('another test is preparing the environment; waiting');
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Makes sure .venv/ exists with the pinned requirements installed; returns its interpreter. */
export async function ensurePythonEnv(): Promise<PythonEnv> {
  const python = venvPython();
  const hash = requirementsHash();
  if (await isUpToDate(python, hash)) return { python, dir: VENV_DIR };

  return withLock(async () => {
    // Another test file may have finished the job while this one waited for the lock.
    if (await isUpToDate(python, hash)) return { python, dir: VENV_DIR };
    const started = Date.now();
    if (!existsSync(python) || (await runCommand(python, ['-c', 'pass'])).code !== 0) {
      const base = await basePython();
      log(`creating ${VENV_DIR} with ${base}`);
      rmSync(VENV_DIR, { recursive: true, force: true });
      const created = await runCommand(base, ['-m', 'venv', VENV_DIR], { echo: true });
      if (created.code !== 0) throw new Error(`python -m venv failed: ${created.stderr}`);
    }
    log(`installing notebooks/requirements.txt (the first time downloads a few hundred MB; pip prints little)`);
    const installed = await runCommand(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', REQUIREMENTS_FILE], { echo: true });
    if (installed.code !== 0) throw new Error(`pip install -r notebooks/requirements.txt failed (exit ${installed.code}):\n${installed.stderr}`);
    writeFileSync(STAMP_FILE, `${hash}\n`);
    log(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
    return { python, dir: VENV_DIR };
  });
}

/** Runs a Python snippet in the environment (`args` become sys.argv[1:]) and parses the JSON it prints last. */
export async function runPythonJson<T>(env: PythonEnv, code: string, args: string[] = []): Promise<T> {
  const result = await runCommand(env.python, ['-c', code, ...args]);
  if (result.code !== 0) throw new Error(`python failed (exit ${result.code}):\n${result.stderr}`);
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as T;
}

/**
 * The browser the browser tests drive: Debian's `chromium` package, not a Playwright download
 * (`npx playwright install` needs a CDN this project cannot rely on). When it is missing and
 * we are root (CI containers, dev VMs), it is installed with apt; otherwise the error says
 * exactly what to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless chromium in a container: no sandbox (root in Docker has no user
 * namespaces), no GPU, and none of the background traffic (updates, sync, QUIC probes) that
 * would make "no request leaves localhost" untestable.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Returns the chromium executable path, installing Debian's package first when it is absent. */
export function ensureChromium(path = CHROMIUM_PATH): string {
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`${path} is missing and this process is not root, so it cannot install it. Run: sudo apt-get update && sudo apt-get install -y chromium`);
  }
  console.log(`[chromium] ${path} is missing; installing Debian's chromium package (apt-get, a few minutes)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // stdio inherit: apt's progress is the only sign of life during a multi-minute install.
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(path)) throw new Error(`apt-get installed chromium, but ${path} still does not exist`);
  return path;
}

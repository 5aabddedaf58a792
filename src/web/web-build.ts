/**
 * Bundles the browser pages (web/) into .web-build/ with esbuild: the GraphiQL playground and
 * the graph view, each an HTML page plus content-hashed JS/CSS, everything from node_modules,
 * nothing from a CDN, so the pages work offline and behind strict networks.
 *
 * The server calls ensureWebBuild() on the first request for a page, so `npm install && npm
 * start` and `npm test` need no extra step; `npm run build:web` (scripts/build-web.ts) builds
 * ahead of time, e.g. in a Docker build stage before `npm prune --omit=dev`. esbuild is a
 * devDependency and is loaded only when a build is due, so a production install without
 * devDependencies still serves a prebuilt bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import { PROJECT_ROOT } from '../local-neo4j/local-neo4j.js';

export const WEB_SOURCE_DIR = join(PROJECT_ROOT, 'web');
export const WEB_BUILD_DIR = join(PROJECT_ROOT, '.web-build');
export const WEB_ASSETS_DIR = join(WEB_BUILD_DIR, 'assets');
/** URL prefix of the bundled assets; their names carry a content hash, so they cache forever. */
export const WEB_ASSETS_URL = '/web/assets';

/** The pages: an HTML template and the entry module it loads. */
export const WEB_PAGES = {
  playground: { template: 'playground/index.html', entry: 'playground/main.tsx' },
  explore: { template: 'explore/index.html', entry: 'explore/main.ts' },
  review: { template: 'review/index.html', entry: 'review/main.ts' },
} as const;
export type WebPage = keyof typeof WEB_PAGES;

const MANIFEST_FILE = join(WEB_BUILD_DIR, 'manifest.json');
/** Unreferenced assets older than this are deleted; younger ones may serve a page another process rendered moments ago. */
const STALE_ASSET_AGE_MS = 10 * 60_000;

export interface WebManifest {
  /** Fingerprint of the inputs the build was made from; a different one means rebuild. */
  inputs: string;
  builtAt: string;
  /** File name (in .web-build/) of each page's rendered HTML. */
  pages: Record<WebPage, string>;
  /** Asset file names (in .web-build/assets/) the pages reference. */
  assets: string[];
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  // A production image may ship the bundle without web/; then there is nothing to compare.
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * What the bundle depends on: the web/ sources, the installed dependency versions (the lock
 * file) and this build configuration. Size and mtime of each, not their contents: cheap
 * enough to check on every server start, and a checkout of an older file changes it too.
 */
export function webInputsFingerprint(): string {
  const files = [...listFiles(WEB_SOURCE_DIR), join(PROJECT_ROOT, 'package-lock.json'), join(PROJECT_ROOT, 'src', 'web', 'web-build.ts')];
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    try {
      const stat = statSync(file);
      hash.update(`${relative(PROJECT_ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`);
    } catch {
      hash.update(`${relative(PROJECT_ROOT, file)}:missing\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export function readWebManifest(): WebManifest | null {
  try {
    return JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as WebManifest;
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a concurrent reader (another test worker, a running server) never sees half a file. */
function writeAtomically(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export interface WebBuildResult {
  manifest: WebManifest;
  /** False when the existing bundle was up to date. */
  built: boolean;
  durationMs: number;
}

export type ProgressReporter = (line: string) => void;

/** Bundles web/ into .web-build/ unconditionally. */
export async function buildWeb(report: ProgressReporter = () => {}): Promise<WebBuildResult> {
  const started = Date.now();
  const inputs = webInputsFingerprint();
  report('[web] bundling the playground and graph view (web/ -> .web-build/) ...');
  // Loaded here, not at the top: esbuild is a devDependency, absent from production installs.
  const esbuild = await import('esbuild');
  const entryPoints = Object.fromEntries(Object.entries(WEB_PAGES).map(([page, { entry }]) => [page, join(WEB_SOURCE_DIR, entry)]));
  const result = await esbuild.build({
    entryPoints,
    bundle: true,
    write: false,
    outdir: WEB_ASSETS_DIR,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images referenced from CSS go inline, so a page is its HTML, one JS and one CSS file.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'silent',
  });
  for (const warning of result.warnings) report(`[web] warning: ${warning.text}`);

  mkdirSync(WEB_ASSETS_DIR, { recursive: true });
  const assets: string[] = [];
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    assets.push(basename(file.path));
  }

  const pages = {} as Record<WebPage, string>;
  for (const [page, { template, entry }] of Object.entries(WEB_PAGES) as Array<[WebPage, (typeof WEB_PAGES)[WebPage]]>) {
    const output = Object.entries(result.metafile.outputs).find(
      ([, meta]) => meta.entryPoint && join(PROJECT_ROOT, meta.entryPoint) === join(WEB_SOURCE_DIR, entry),
    );
    if (!output) throw new Error(`esbuild produced no output for ${entry}`);
    const [scriptPath, meta] = output;
    const script = `${WEB_ASSETS_URL}/${basename(scriptPath)}`;
    const style = meta.cssBundle ? `<link rel="stylesheet" href="${WEB_ASSETS_URL}/${basename(meta.cssBundle)}">` : '';
    const source = readFileSync(join(WEB_SOURCE_DIR, template), 'utf8');
    for (const marker of ['<!-- styles -->', '<!-- scripts -->']) {
      if (!source.includes(marker)) throw new Error(`web/${template} lacks the ${marker} marker where the bundle goes`);
    }
    const html = source.replace('<!-- styles -->', style).replace('<!-- scripts -->', `<script type="module" src="${script}"></script>`);
    pages[page] = `${page}.html`;
    writeAtomically(join(WEB_BUILD_DIR, pages[page]), html);
  }

  const manifest: WebManifest = { inputs, builtAt: new Date().toISOString(), pages, assets };
  // The manifest goes last: once it names these inputs, every file it points to exists.
  writeAtomically(MANIFEST_FILE, JSON.stringify(manifest, null, 2));
  removeOldAssets(new Set(assets));
  const durationMs = Date.now() - started;
  report(`[web] bundled in ${(durationMs / 1000).toFixed(1)}s`);
  return { manifest, built: true, durationMs };
}

function removeOldAssets(keep: Set<string>): void {
  for (const name of readdirSync(WEB_ASSETS_DIR)) {
    if (keep.has(name)) continue;
    const path = join(WEB_ASSETS_DIR, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_ASSET_AGE_MS) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** True when esbuild can be loaded (it is a devDependency). */
async function canBuild(): Promise<boolean> {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

/**
 * The current bundle, built first when it is missing or older than its sources. Without
 * esbuild (a production install) an outdated bundle is served as it is, and a missing one is
 * an error that says how to build it.
 */
export async function ensureWebBuild(report: ProgressReporter = () => {}): Promise<WebBuildResult> {
  const started = Date.now();
  const existing = readWebManifest();
  if (existing && existing.inputs === webInputsFingerprint()) return { manifest: existing, built: false, durationMs: Date.now() - started };
  if (!(await canBuild())) {
    if (existing) {
      report('[web] web/ changed since the last bundle, but esbuild is not installed; serving the existing bundle');
      return { manifest: existing, built: false, durationMs: Date.now() - started };
    }
    throw new Error('The web pages are not bundled and esbuild is not installed: run "npm run build:web" where devDependencies are installed.');
  }
  return buildWeb(report);
}

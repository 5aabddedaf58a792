/**
 * `npm run build:web`: bundles the playground and the graph view (web/) into .web-build/.
 * The server does this by itself on the first page request when the bundle is missing or
 * stale; run it ahead of time where esbuild will not be installed at run time, e.g. in a
 * Docker build stage before `npm prune --omit=dev`. `--if-stale` skips an up-to-date bundle.
 */
import { buildWeb, ensureWebBuild, WEB_BUILD_DIR } from '../src/web/web-build.js';

const onlyIfStale = process.argv.includes('--if-stale');
try {
  const result = onlyIfStale ? await ensureWebBuild(console.log) : await buildWeb(console.log);
  if (!result.built) console.log(`[web] ${WEB_BUILD_DIR} is up to date`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

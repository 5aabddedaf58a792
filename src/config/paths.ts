/**
 * Where the checkout is. Configuration, the Cypher files, the seed, the web build and the
 * local Neo4j all find their files from here, so this lives with the configuration (a base
 * module) rather than with any one of them.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout: two levels above this file, whether it runs from src/ (tsx, tests) or from
 * the compiled dist/src/ (`npm start`), where it is three.
 */
function findProjectRoot(): string {
  const twoUp = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(twoUp) === 'dist' && existsSync(join(twoUp, '..', 'package.json')) ? dirname(twoUp) : twoUp;
}

export const PROJECT_ROOT = findProjectRoot();

/** The password of the local Neo4j this project provisions (not used when NEO4J_URI is set). */
export const DEFAULT_LOCAL_PASSWORD = 'negotiation-graph-dev';

/**
 * A source's own text: the report its evidence quotes. Stored on the Source node with a
 * sha256 (so a reader can tell two copies apart, or check a file against the graph) and when
 * it was retrieved. Pure helpers, shared by the curation API, the import and the ingest CLI.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';

/**
 * News reports are a few thousand characters; a long transcript a few hundred thousand. The
 * bound keeps one source (read on every evidence lookup and by the drafting assistant) from
 * taking a request's memory or time.
 */
export const MAX_SOURCE_TEXT_CHARS = 200_000;

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Why a text cannot be stored, or null. Line endings are normalised before this (see
 * `normalizeSourceText`), so quotes copied from any system match.
 */
export function sourceTextProblem(text: string): string | null {
  if (text.trim().length === 0) return 'must not be empty or only white space';
  if (text.length > MAX_SOURCE_TEXT_CHARS) return `is ${text.length} characters long; at most ${MAX_SOURCE_TEXT_CHARS} are allowed`;
  if (text.includes('\u0000')) return 'contains a NUL character; is it a binary file rather than text?';
  return null;
}

/** CRLF and CR become LF, and a byte-order mark is dropped: the same report stores the same. */
export function normalizeSourceText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The stored properties for a text (empty when there is none: an old source keeps working). */
export function sourceTextProps(text: string | null | undefined, retrievedAt: string | null | undefined): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  return { text, sha256: sha256Of(text), retrievedAt: retrievedAt ?? null };
}

/**
 * Where a dataset's `file` lives: next to the dataset file, or (the layout of seed/) in a
 * `sources/` folder next to it. A path may not leave the dataset's folder.
 */
export function resolveSourceFile(datasetDir: string, file: string): { path: string } | { problem: string } {
  if (isAbsolute(file) || normalize(file).startsWith('..')) return { problem: `must be a path inside the dataset's folder, got "${file}"` };
  for (const candidate of [join(datasetDir, file), join(datasetDir, 'sources', file)]) {
    if (relative(datasetDir, candidate).startsWith('..')) continue;
    if (existsSync(candidate)) return { path: candidate };
  }
  return { problem: `names "${file}", which is neither next to the dataset nor in its sources/ folder` };
}

/** Reads a source file as UTF-8 text, normalised; a problem instead of a throw. */
export function readSourceFile(path: string): { text: string } | { problem: string } {
  try {
    const text = normalizeSourceText(readFileSync(path, 'utf8'));
    const problem = sourceTextProblem(text);
    return problem ? { problem: `(${path}) ${problem}` } : { text };
  } catch (error) {
    return { problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

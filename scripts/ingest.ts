/**
 * `npm run ingest -- report.txt --publisher "Reuters" --published 2025-07-23 [--url <url>]
 *   [--title <headline>] [--language en] [--id source:<slug>] [--replace] [--by <name>]`
 *
 * Stores a report as a Source with its full text (sha256 and retrieval time with it), so
 * quotes citing it are checked against it and `draftStances` can read it. The title defaults
 * to the text's first line. An existing id is refused unless `--replace`, which replaces the
 * text of that source (refused if a quote already citing it is not in the new text).
 */
// The service shares the API's mapping code, whose GraphQL types need decorator metadata.
import 'reflect-metadata';

import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

import { TOKEN_NAME_PATTERN } from '../src/auth/token.js';
import { loadConfig, loadDotEnv } from '../src/config/config.js';
import { CurationService } from '../src/curation/curation.service.js';
import { applySchema } from '../src/db/database-state.js';
import { Executor } from '../src/db/executor.js';
import { AppError } from '../src/errors/errors.js';
import { defaultLocalNeo4jOptions, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { createLogger } from '../src/logging/logger.js';
import { normalizeSourceText, sourceTextProblem } from '../src/sources/source-text.js';
import { setSourceText } from '../src/sources/source-text.service.js';

const USAGE =
  'Usage: npm run ingest -- <report.txt> --publisher "<publisher>" --published YYYY-MM-DD [--url <url>] [--title <headline>] [--language en] [--id source:<slug>] [--replace] [--by <name>]';

/** The first non-empty line, as a headline when none is given (at most 300 characters). */
function titleOf(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? 'Untitled report';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      publisher: { type: 'string' },
      published: { type: 'string' },
      url: { type: 'string' },
      title: { type: 'string' },
      language: { type: 'string', default: 'en' },
      id: { type: 'string' },
      replace: { type: 'boolean', default: false },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0 || !values.publisher || !values.published) {
    console.error(`${!file ? 'Give one report file.' : extra.length > 0 ? 'Give one report file at a time.' : 'Give --publisher and --published.'}\n${USAGE}`);
    return 1;
  }
  const by = values.by ?? `cli:${userInfo().username}`;
  if (!TOKEN_NAME_PATTERN.test(by.replace(/^cli:/, ''))) throw new Error(`--by must be a plain name, got "${by}"`);
  const text = normalizeSourceText(readFileSync(file, 'utf8'));
  const problem = sourceTextProblem(text);
  if (problem) {
    console.error(`${file}: the text ${problem}`);
    return 1;
  }

  loadDotEnv();
  if (!process.env['NEO4J_URI']) process.env['NEO4J_URI'] = await startLocalNeo4j(defaultLocalNeo4jOptions());
  const config = loadConfig(process.env);
  const executor = new Executor(config.neo4j, createLogger('warn'));
  try {
    await applySchema(executor);
    const service = new CurationService(executor);
    const input = {
      id: values.id ?? null,
      publisher: values.publisher,
      title: values.title ?? titleOf(text),
      publishedAt: values.published,
      language: values.language ?? null,
      url: values.url ?? null,
      text,
    };
    const source =
      values.replace && values.id
        ? await setSourceText(executor, { name: by }, { id: values.id, text }, 'cli')
        : await service.createSource({ name: by }, input);
    console.log(
      `${values.replace ? 'Replaced the text of' : 'Stored'} ${source.id}: "${source.title}" (${text.length} characters, sha256 ${source.sha256?.slice(0, 12)}…).`,
    );
    console.log(
      `Next: draft its stances in the review page, /review?source=${encodeURIComponent(source.id)}, or query draftStances(sourceId: "${source.id}").`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${error.code}: ${error.message}`);
      if (error.code === 'CONFLICT') console.error('To replace the text of that source, run again with --id <its id> --replace.');
      return 1;
    }
    throw error;
  } finally {
    await executor.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

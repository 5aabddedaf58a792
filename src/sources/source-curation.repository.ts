/**
 * The source writes: a new source (cypher/sources/create-source), a changed one through the
 * seed loader's merge, and its full text with the quotes that must occur in it.
 */
import type { QueryRunner } from '../db/executor.js';
import type { SeedSource } from '../shared/seed-format.js';
import { mergeItems, sourceRow } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import type { QuoteToCheck } from '../write/quote-check.js';
import { insertNode, type Stamp } from '../write/write.repository.js';

export const insertSource = (run: QueryRunner, source: SeedSource, stamp: Stamp): Promise<Props> =>
  insertNode(run, 'sources/create-source', sourceRow(source), stamp);

export const saveSource = (run: QueryRunner, source: SeedSource, stamp: Stamp): Promise<void> => mergeItems(run, { sources: [source] }, stamp);

/** Every quote citing the source (stances, edges, disagreement versions), each named by where it is. */
export async function findQuotesOfSource(run: QueryRunner, id: string): Promise<QuoteToCheck[]> {
  const cited = await run.run('sources/find-quotes-of-source', { id });
  return cited.flatMap((row) =>
    ((row['quotes'] as string[] | null) ?? []).map((quote) => ({ field: `text (quoted by ${String(row['item'])})`, sourceId: id, quote })),
  );
}

export interface SourceText {
  text: string;
  sha256: string;
  retrievedAt: string;
}

/** Stores the text of a source with its hash and retrieval time; returns the stored source. */
export async function saveSourceText(run: QueryRunner, id: string, text: SourceText, stamp: Stamp): Promise<Props> {
  const [row] = await run.run('sources/set-source-text', { id, ...text, now: stamp.now, updatedBy: stamp.by });
  if (!row) throw new Error(`source ${id} vanished while its text was stored`);
  return row['source'] as Props;
}

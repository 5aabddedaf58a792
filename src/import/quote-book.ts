/**
 * Source texts and quote verification for streamed imports, with the rules of the whole-file
 * path (src/sources/dataset-texts.ts): a source's text comes inline (`text`) or from a file
 * next to the dataset (`file`), its `sha256` must match, and every evidence quote must occur
 * verbatim in its source's text when that source has one, in the file or already in the graph.
 *
 * Only source texts are held (a few hundred sources, each at most 200,000 characters), never
 * the items. A quote is checked when its batch is compared, against the file's text if the
 * source came before it, else against the stored text (looked up once per source). A source
 * whose text only appears in the file AFTER items quoting it is refused, located: those
 * quotes could not be checked as they streamed by (put sources first; docs/imports.md).
 */
import { attachSourceTexts } from '../seed/dataset-texts.js';
import { type QuoteToCheck, verifyQuotes } from '../write/quote-check.js';
import type { QueryRunner, Row } from '../db/executor.js';
import { findSourceTexts } from '../write/write.repository.js';
import type { ProblemList } from './item-check.js';
import type { Location } from './sources.js';

const asRow = (value: unknown): Row => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : {});

export class QuoteBook {
  /** Texts of the sources read from the input so far. */
  private readonly fileTexts = new Map<string, string>();
  /** Ids of the input's sources read so far (with or without text). */
  private readonly fileSources = new Set<string>();
  /** Stored texts by source id (null: not stored, or stored without text). */
  private readonly storedTexts = new Map<string, string | null>();
  /** Sources quoted before the input defined them (they may be in the graph): where first. */
  private readonly quotedEarly = new Map<string, string>();

  /**
   * A source item as it is read: fills `text` from `file` (only for files on disk, never for
   * an API request), normalises it and checks its size and sha256. Changes the item in place.
   */
  noteSource(problems: ProblemList, item: unknown, where: Location, datasetDir: string | undefined): void {
    const source = asRow(item);
    const probe: Row = datasetDir === undefined ? { ...source, file: undefined } : source;
    for (const p of attachSourceTexts({ sources: [probe] }, datasetDir ?? '.'))
      problems.add(where, where.path + p.path.slice('$.sources[0]'.length), p.message);
    if (probe !== source && typeof probe['text'] === 'string') source['text'] = probe['text'];
    const id = source['id'];
    if (typeof id !== 'string') return;
    this.fileSources.add(id);
    const text = typeof source['text'] === 'string' ? source['text'] : null;
    if (text !== null) this.fileTexts.set(id, text);
    const early = this.quotedEarly.get(id);
    if (early !== undefined && text !== null) {
      problems.add(
        where,
        `${where.path}.text`,
        `gives "${id}" a text, but items quoting it came before it (first at ${early}), so their quotes could not be checked as they were read; put the sources before the items that quote them`,
      );
    }
  }

  /** Notes, in file order, the sources an item quotes that the input has not defined yet. */
  noteItem(item: unknown, where: Location): void {
    const row = asRow(item);
    for (const list of [row['evidence'], row['versions']]) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const sourceId = asRow(entry)['sourceId'];
        if (typeof sourceId === 'string' && !this.fileSources.has(sourceId) && !this.quotedEarly.has(sourceId)) this.quotedEarly.set(sourceId, placeOf(where));
      }
    }
  }

  /** Checks the quotes of one batch of valid items of a section; reads stored texts as needed. */
  async checkBatch(problems: ProblemList, run: QueryRunner, items: readonly unknown[], wheres: readonly Location[]): Promise<void> {
    const quotes: Array<QuoteToCheck & { where: Location }> = [];
    items.forEach((item, i) => {
      const row = asRow(item);
      const where = wheres[i] as Location;
      const add = (list: unknown, field: string) => {
        if (!Array.isArray(list)) return;
        list.forEach((entry, j) => {
          const e = asRow(entry);
          if (typeof e['sourceId'] === 'string' && typeof e['quote'] === 'string')
            quotes.push({ field: `${where.path}.${field}[${j}].quote`, sourceId: e['sourceId'], quote: e['quote'], where });
        });
      };
      add(row['evidence'], 'evidence');
      add(row['versions'], 'versions');
    });
    if (quotes.length === 0) return;
    const unknown = [...new Set(quotes.map((q) => q.sourceId))].filter((id) => !this.fileSources.has(id) && !this.storedTexts.has(id));
    if (unknown.length > 0) {
      const found = await findSourceTexts(run, unknown);
      for (const id of unknown) this.storedTexts.set(id, found.get(id) ?? null);
    }
    const texts = new Map<string, string>();
    for (const q of quotes) {
      // The input's text when it has the source (a text that came too late is refused above).
      const text = this.fileTexts.get(q.sourceId) ?? (this.fileSources.has(q.sourceId) ? null : (this.storedTexts.get(q.sourceId) ?? null));
      if (text !== null) texts.set(q.sourceId, text);
    }
    const byField = new Map(quotes.map((q) => [q.field, q.where]));
    for (const p of verifyQuotes(quotes, texts)) problems.add(byField.get(p.field) as Location, p.field, p.message);
  }
}

const placeOf = (where: Location): string => `${where.file}${where.line !== undefined ? `:${where.line}` : ''}: ${where.path}`;

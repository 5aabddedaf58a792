/**
 * Source texts and quote verification for streamed imports, with the rules of the whole-file
 * path (src/seed/dataset-texts.ts): a source's text comes inline (`text`) or from a file
 * next to the dataset (`file`), its `sha256` must match, and every evidence quote must occur
 * verbatim in its source's text when that source has one, in the file or already in the graph.
 *
 * Only source texts are held (a few hundred sources, each at most 200,000 characters), never
 * the items. A quote is checked when its batch is compared, against the file's text if the
 * file gives its source one, else against the stored text (looked up once per source): a
 * source listed without text keeps the text the graph holds (the merge only sets what the
 * file gives). A source whose text only appears in the file AFTER items quoting it is refused,
 * located: those quotes could not be checked as they streamed by (put sources first;
 * docs/imports.md).
 *
 * A new text for a source already in the graph must also hold the quotes stored there that
 * cite it, as setSourceText requires, except those this import replaces: the quote of an item
 * the file gives evidence from that source (the file's quote wins, import.plan.ts
 * mergeEvidence), and every version of a disagreement the file lists (its versions are
 * replaced whole). Only the stored quotes the new text lacks are held, at most
 * MAX_LOST_QUOTES; they are looked up when the first item quoting such a source is read (all
 * such items come after it, see above), so each item read later can strike its own off.
 */
import { attachSourceTexts } from '../seed/dataset-texts.js';
import { sha256Of } from '../shared/source-text.js';
import { lostQuoteMessage, type QuoteToCheck, verifyQuotes } from '../write/quote-check.js';
import type { QueryRunner, Row } from '../db/executor.js';
import { rowsOf } from './batch-plan.js';
import { findQuotesLostByNewTexts, findSourceTexts, type LostQuote } from '../write/write.repository.js';
import { BATCHES, itemLabel, type SectionName } from './import.plan.js';
import type { IdBook, ProblemList } from './item-check.js';
import type { Location } from './sources.js';

/** Stored quotes a run's new texts may lack before it is refused without listing more. */
export const MAX_LOST_QUOTES = 10_000;

/** A source the input gives a text: where (the field holding the text) and the text. */
interface NewText {
  where: Location;
  field: string;
  text: string;
}

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
  /** Sources the input gives a text whose stored quotes have not been looked up yet. */
  private readonly unchecked = new Map<string, NewText>();
  /** Per source given a new text: where, and the stored quotes it lacks by item label. */
  private readonly lost = new Map<string, { text: NewText; byItem: Map<string, string[]> }>();
  /** Set when more stored quotes were lost than are held: the import is refused. */
  private tooManyLost: { id: string; text: NewText } | undefined;
  private lostCount = 0;

  /**
   * A source item as it is read: fills `text` from `file` (only for files on disk, never for
   * an API request), normalises it and checks its size and sha256. Changes the item in place.
   */
  noteSource(problems: ProblemList, item: unknown, where: Location, datasetDir: string | undefined): void {
    const source = asRow(item);
    const inline = typeof source['text'] === 'string';
    const probe: Row = datasetDir === undefined ? { ...source, file: undefined } : source;
    for (const p of attachSourceTexts({ sources: [probe] }, datasetDir ?? '.'))
      problems.add(where, where.path + p.path.slice('$.sources[0]'.length), p.message);
    if (probe !== source && typeof probe['text'] === 'string') source['text'] = probe['text'];
    const id = source['id'];
    if (typeof id !== 'string') return;
    this.fileSources.add(id);
    const text = typeof source['text'] === 'string' ? source['text'] : null;
    if (text !== null) {
      this.fileTexts.set(id, text);
      this.unchecked.set(id, { where, field: inline ? 'text' : 'file', text });
    }
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

  /**
   * A valid item as it is read: strikes off the stored quotes it replaces (see the top), after
   * looking up those of the new texts not looked up yet when it quotes one of them.
   */
  noteReplacements(run: QueryRunner, section: SectionName, item: unknown): Promise<void> | undefined {
    const evidence = asRow(item)['evidence'];
    if (!Array.isArray(evidence)) return undefined;
    const named = evidence.map((entry) => asRow(entry)['sourceId']).filter((id): id is string => typeof id === 'string');
    if (named.some((id) => this.unchecked.has(id))) return this.lookUpLostQuotes(run).then(() => this.strike(section, item, named));
    this.strike(section, item, named);
    return undefined;
  }

  /**
   * Once every item has been read: refuses, at each new text, the stored quotes it lacks that
   * the input did not replace. `ids` says which disagreements the input lists.
   */
  async refuseLostQuotes(problems: ProblemList, run: QueryRunner, ids: IdBook): Promise<void> {
    if (this.unchecked.size > 0) await this.lookUpLostQuotes(run);
    const at = (t: NewText) => `${t.where.path}.${t.field}`;
    if (this.tooManyLost) {
      const { id, text: t } = this.tooManyLost;
      problems.add(
        t.where,
        at(t),
        `gives source "${id}" a new text which, with the other new texts of this import, lacks more than ${MAX_LOST_QUOTES} quotes stored in the graph; replace fewer texts in one import`,
      );
      return;
    }
    for (const [sourceId, { text, byItem }] of this.lost) {
      for (const [item, quotes] of byItem) {
        if (ids.defines(item, 'disagreements')) continue; // its versions are replaced whole
        for (const quote of quotes) problems.add(text.where, at(text), lostQuoteMessage(sourceId, item, quote, text.text));
      }
    }
  }

  private strike(section: SectionName, item: unknown, named: readonly string[]): void {
    const sources = named.filter((id) => (this.lost.get(id)?.byItem.size ?? 0) > 0);
    if (sources.length === 0) return;
    const [row] = rowsOf(section, [item]);
    if (!row) return;
    const label = itemLabel(BATCHES[section].diff, row);
    for (const id of sources) this.lost.get(id)?.byItem.delete(label);
  }

  private async lookUpLostQuotes(run: QueryRunner): Promise<void> {
    const texts = new Map(this.unchecked);
    this.unchecked.clear();
    // Held quotes stay within the bound: once it is passed the import is refused anyway.
    const room = MAX_LOST_QUOTES + 1 - this.lostCount;
    if (room <= 0) return;
    const given = [...texts].map(([id, t]) => ({ id, sha256: sha256Of(t.text), text: t.text }));
    const found: LostQuote[] = await findQuotesLostByNewTexts(run, given, room);
    for (const q of found) {
      const text = texts.get(q.sourceId) as NewText;
      let entry = this.lost.get(q.sourceId);
      if (!entry) this.lost.set(q.sourceId, (entry = { text, byItem: new Map() }));
      const quotes = entry.byItem.get(q.item);
      if (quotes) quotes.push(q.quote);
      else entry.byItem.set(q.item, [q.quote]);
    }
    this.lostCount += found.length;
    const last = found.at(-1);
    if (this.lostCount > MAX_LOST_QUOTES && last) this.tooManyLost = { id: last.sourceId, text: texts.get(last.sourceId) as NewText };
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
    const unknown = [...new Set(quotes.map((q) => q.sourceId))].filter((id) => !this.fileTexts.has(id) && !this.storedTexts.has(id));
    if (unknown.length > 0) {
      const found = await findSourceTexts(run, unknown);
      for (const id of unknown) this.storedTexts.set(id, found.get(id) ?? null);
    }
    const texts = new Map<string, string>();
    for (const q of quotes) {
      // The input's text when it gives one (one that came too late is refused above), else the
      // stored one: a source listed without text keeps the text it has in the graph.
      const text = this.fileTexts.get(q.sourceId) ?? this.storedTexts.get(q.sourceId) ?? null;
      if (text !== null) texts.set(q.sourceId, text);
    }
    const byField = new Map(quotes.map((q) => [q.field, q.where]));
    for (const p of verifyQuotes(quotes, texts)) problems.add(byField.get(p.field) as Location, p.field, p.message);
  }
}

const placeOf = (where: Location): string => `${where.file}${where.line !== undefined ? `:${where.line}` : ''}: ${where.path}`;

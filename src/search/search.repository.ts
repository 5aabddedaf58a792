/** The full-text query: the only place that names `cypher/search/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { Props } from '../shared/row-values.js';
import { type SearchHitRecord, toHit } from './search.mapping.js';

export class SearchRepository {
  constructor(private readonly reader: Reader) {}

  /**
   * `query` is escaped Lucene (see src/shared/text.ts). Without `withItems` the hits carry no
   * item (their properties are not read): only for a client that did not select `item`.
   */
  async search(query: string, limit: number, withItems = true): Promise<SearchHitRecord[]> {
    const rows = await this.reader.read('search/search-text', { query, limit, withItems });
    return rows
      .map((row) => toHit(row['labels'] as string[], (row['item'] as Props | null) ?? undefined, Number(row['score'])))
      .filter((hit): hit is SearchHitRecord => hit !== undefined);
  }
}

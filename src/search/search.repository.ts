/** The full-text query: the only place that names `cypher/search/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { Props } from '../shared/row-values.js';
import { type SearchHitRecord, toHit } from './search.mapping.js';

export class SearchRepository {
  constructor(private readonly reader: Reader) {}

  /** `query` is escaped Lucene (see src/shared/text.ts). */
  async search(query: string, limit: number): Promise<SearchHitRecord[]> {
    const rows = await this.reader.read('search/search-text', { query, limit });
    return rows
      .map((row) => toHit(row['labels'] as string[], row['item'] as Props, Number(row['score'])))
      .filter((hit): hit is SearchHitRecord => hit !== undefined);
  }
}

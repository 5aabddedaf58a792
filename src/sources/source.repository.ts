/** The source queries: the only place that names `cypher/sources/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { Window } from '../shared/page.js';
import { alignById, type PageResult, pageFromRow } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { toSource } from './source.mapping.js';
import type { Source } from './source.type.js';
import { findSourceTexts } from '../write/write.repository.js';

export class SourceRepository {
  constructor(private readonly reader: Reader) {}

  async findByIds(ids: readonly string[]): Promise<Array<Source | null>> {
    const rows = await this.reader.read('sources/find-sources-by-ids', { ids: [...ids] });
    return alignById(
      ids,
      rows.map((row) => toSource(row['source'] as Props)),
    );
  }

  /** The stored full texts of these sources, in the order asked (null without text). */
  async textsOf(ids: readonly string[]): Promise<Array<string | null>> {
    // The same query the quote check of every write uses, run in this request's read transaction.
    const texts = await findSourceTexts({ run: (name, params) => this.reader.read(name, params) }, ids);
    return ids.map((id) => texts.get(id) ?? null);
  }

  async list(window: Window): Promise<PageResult<Source>> {
    const [row] = await this.reader.read('sources/list-sources', { ...window });
    return pageFromRow(window, row, 'sources', toSource);
  }
}

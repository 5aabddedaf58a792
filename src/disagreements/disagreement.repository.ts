/** The disagreement queries: the only place that names `cypher/disagreements/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { Window } from '../shared/page.js';
import { alignById, groupById, type PageResult, pageFromRow } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { toDisagreement } from './disagreement.mapping.js';
import type { Disagreement } from './disagreement.type.js';

export class DisagreementRepository {
  constructor(private readonly reader: Reader) {}

  async findByIds(ids: readonly string[]): Promise<Array<Disagreement | null>> {
    const rows = await this.reader.read('disagreements/find-disagreements-by-ids', { ids: [...ids] });
    return alignById(
      ids,
      rows.map((row) => toDisagreement(row['disagreement'] as Props)),
    );
  }

  async list(concerning: string | null, window: Window): Promise<PageResult<Disagreement>> {
    const [row] = await this.reader.read('disagreements/list-disagreements', { concerning, ...window });
    return pageFromRow(window, row, 'disagreements', toDisagreement);
  }

  /** A page of the disagreements about each given node, aligned with `ids`. */
  async concerning(ids: readonly string[], window: Window): Promise<Disagreement[][]> {
    const rows = await this.reader.read('disagreements/find-disagreements-by-concerned', { ids: [...ids], ...window });
    return groupById(
      ids,
      rows,
      (row) => String(row['key']),
      (row) => toDisagreement(row['disagreement'] as Props),
    );
  }
}

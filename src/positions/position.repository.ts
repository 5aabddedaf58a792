/** The position queries: the only place that names `cypher/positions/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { PositionType, Topic } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { alignById, type PageResult, pageFromRow } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { foldText } from '../shared/text.js';
import { toPosition } from './position.mapping.js';
import type { Position } from './position.type.js';

export interface PositionFilter {
  type: PositionType | null;
  topics: Topic[] | null;
  title: string | null;
}

export class PositionRepository {
  constructor(private readonly reader: Reader) {}

  async findByIds(ids: readonly string[]): Promise<Array<Position | null>> {
    const rows = await this.reader.read('positions/find-positions-by-ids', { ids: [...ids] });
    return alignById(
      ids,
      rows.map((row) => toPosition(row['position'] as Props)),
    );
  }

  /**
   * A page of positions. Without `withEvidence` their evidence is left out (an empty list):
   * only for a client that asked for neither `evidence` nor `sources` of the items.
   */
  async list(filter: PositionFilter, window: Window, withEvidence = true): Promise<PageResult<Position>> {
    const params = {
      type: filter.type,
      topics: filter.topics && filter.topics.length > 0 ? filter.topics : null,
      title: filter.title ? foldText(filter.title) : null,
    };
    const [row] = await this.reader.read('positions/list-positions', { ...params, ...window, withEvidence });
    return pageFromRow(window, row, 'positions', toPosition);
  }
}

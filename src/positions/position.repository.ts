/** The position queries: the only place that names `cypher/positions/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { PositionType, Topic } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { alignById, type PageResult, toPageResult } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { foldText } from '../shared/text.js';
import { toPosition } from './position.mapping.js';
import type { Position } from './position.type.js';

export interface PositionFilter {
  type: PositionType | null;
  topics: Topic[] | null;
  title: string | null;
}

/** Which optional parts of the positions to read (the others always come). */
export interface PositionFields {
  summary: boolean;
  /** Quotes and their sources (`evidence`, `sources`). */
  evidence: boolean;
}

export const ALL_POSITION_FIELDS: PositionFields = { summary: true, evidence: true };

/** [id, type, title, summary, topics, sourceIds, evidence], as cypher/positions/list-positions.cypher builds it. */
type PositionTuple = [string, unknown, unknown, unknown, unknown, unknown, unknown];

const positionFromTuple = ([id, type, title, summary, topics, sourceIds, evidence]: PositionTuple): Position =>
  toPosition({ id, type, title, summary, topics, sourceIds, evidence });

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
   * A page of positions, with the fields asked for the items: without `summary` its summary is
   * left out (null), without `evidence` their evidence (an empty list): only for a client that
   * asked for neither the summary nor, respectively, the `evidence` or `sources` of the items.
   */
  async list(filter: PositionFilter, window: Window, asked: PositionFields = ALL_POSITION_FIELDS): Promise<PageResult<Position>> {
    const params = {
      type: filter.type,
      topics: filter.topics && filter.topics.length > 0 ? filter.topics : null,
      title: filter.title ? foldText(filter.title) : null,
    };
    const [row] = await this.reader.read('positions/list-positions', { ...params, ...window, withSummary: asked.summary, withEvidence: asked.evidence });
    return toPageResult(window, Number(row?.['total'] ?? 0), ((row?.['positions'] ?? []) as PositionTuple[]).map(positionFromTuple));
  }
}

/** The position writes: a new position (cypher/positions/create-position), and a changed one stored as the seed loader stores it. */
import type { QueryRunner } from '../db/executor.js';
import { POSITION_TYPE_LABELS } from '../shared/graph-kinds.js';
import type { SeedPosition } from '../shared/seed-format.js';
import { mergeItems, positionRow } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import { insertNode, type Stamp } from '../write/write.repository.js';

export const insertPosition = (run: QueryRunner, position: SeedPosition, stamp: Stamp): Promise<Props> =>
  insertNode(run, 'positions/create-position', positionRow(position), stamp, { typeLabel: POSITION_TYPE_LABELS[position.type] });

export const savePosition = (run: QueryRunner, position: SeedPosition, stamp: Stamp): Promise<void> => mergeItems(run, { positions: [position] }, stamp);

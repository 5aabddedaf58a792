/** The disagreement write (cypher/disagreements/create-disagreement): the node, its versions and what it concerns. */
import type { QueryRunner } from '../db/executor.js';
import type { SeedDisagreement } from '../shared/seed-format.js';
import { disagreementRow } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import type { Stamp } from '../write/write.repository.js';
import { toDisagreement } from './disagreement.mapping.js';
import type { Disagreement } from './disagreement.type.js';

export async function insertDisagreement(run: QueryRunner, disagreement: SeedDisagreement, stamp: Stamp): Promise<Disagreement> {
  const [result] = await run.run('disagreements/create-disagreement', { row: disagreementRow(disagreement), now: stamp.now, recordedBy: stamp.by });
  if (!result) throw new Error('disagreements/create-disagreement returned nothing');
  return toDisagreement(result['disagreement'] as Props);
}

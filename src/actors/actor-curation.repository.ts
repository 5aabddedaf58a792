/** The actor writes: a new actor (cypher/actors/create-actor), and a changed one stored as the seed loader stores it. */
import type { QueryRunner } from '../db/executor.js';
import type { SeedActor } from '../shared/seed-format.js';
import { actorRow, mergeItems } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import { insertNode, type Stamp } from '../write/write.repository.js';

export const insertActor = (run: QueryRunner, actor: SeedActor, stamp: Stamp): Promise<Props> => insertNode(run, 'actors/create-actor', actorRow(actor), stamp);

export const saveActor = (run: QueryRunner, actor: SeedActor, stamp: Stamp): Promise<void> => mergeItems(run, { actors: [actor] }, stamp);

/** The document writes: a new document (cypher/documents/create-document), and a changed one stored as the seed loader stores it. */
import type { QueryRunner } from '../db/executor.js';
import type { SeedDocument } from '../shared/seed-format.js';
import { mergeItems, documentRow } from '../write/dataset.repository.js';
import type { Props } from '../shared/row-values.js';
import { insertNode, type Stamp } from '../write/write.repository.js';

export const insertDocument = (run: QueryRunner, document: SeedDocument, stamp: Stamp): Promise<Props> =>
  insertNode(run, 'documents/create-document', documentRow(document), stamp);

export const saveDocument = (run: QueryRunner, document: SeedDocument, stamp: Stamp): Promise<void> => mergeItems(run, { documents: [document] }, stamp);

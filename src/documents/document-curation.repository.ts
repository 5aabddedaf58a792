/** The document writes: a new document (cypher/documents/create-document), and a changed one through the seed loader's merge. */
import type { QueryRunner } from '../db/executor.js';
import type { SeedDocument } from '../seed/seed-format.js';
import { documentRow } from '../seed/seed-loader.js';
import type { Props } from '../shared/row-values.js';
import { insertNode, mergeRows, type Stamp } from '../write/write.repository.js';

export const insertDocument = (run: QueryRunner, document: SeedDocument, stamp: Stamp): Promise<Props> =>
  insertNode(run, 'documents/create-document', documentRow(document), stamp);

export const saveDocument = (run: QueryRunner, document: SeedDocument, stamp: Stamp): Promise<void> =>
  mergeRows(run, 'seed/merge-documents', [documentRow(document)], stamp);

/** The document queries: the only place that names `cypher/documents/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { DocumentKind } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import { alignById, groupById, type PageResult, pageFromRow } from '../shared/paging.js';
import type { Props } from '../shared/row-values.js';
import { type LinkRecord, toDocument, toLink } from './document.mapping.js';
import type { Document } from './document.type.js';

/** Which side of AUTHORED or CONTAINS the lists are keyed by. */
type LinkQuery = 'authorship-by-actors' | 'authorship-by-documents' | 'contents-by-documents' | 'contents-by-positions';

// Each query file is named in full, so that a search for it finds this repository.
const LINKS: Record<LinkQuery, { queryName: string; column: string; from: string; to: string; key: string }> = {
  'authorship-by-actors': { queryName: 'documents/find-authorship-by-actors', column: 'authorship', from: 'actorId', to: 'documentId', key: 'actorId' },
  'authorship-by-documents': {
    queryName: 'documents/find-authorship-by-documents',
    column: 'authorship',
    from: 'actorId',
    to: 'documentId',
    key: 'documentId',
  },
  'contents-by-documents': { queryName: 'documents/find-contents-by-documents', column: 'content', from: 'documentId', to: 'positionId', key: 'documentId' },
  'contents-by-positions': { queryName: 'documents/find-contents-by-positions', column: 'content', from: 'documentId', to: 'positionId', key: 'positionId' },
};

export class DocumentRepository {
  constructor(private readonly reader: Reader) {}

  async findByIds(ids: readonly string[]): Promise<Array<Document | null>> {
    const rows = await this.reader.read('documents/find-documents-by-ids', { ids: [...ids] });
    return alignById(
      ids,
      rows.map((row) => toDocument(row['document'] as Props)),
    );
  }

  async list(kind: DocumentKind | null, window: Window): Promise<PageResult<Document>> {
    const [row] = await this.reader.read('documents/list-documents', { kind, ...window });
    return pageFromRow(window, row, 'documents', toDocument);
  }

  /** A page of AUTHORED or CONTAINS links of each given item, aligned with `ids`. */
  async links(query: LinkQuery, ids: readonly string[], window: Window): Promise<LinkRecord[][]> {
    const { queryName, column, from, to, key } = LINKS[query];
    const rows = await this.reader.read(queryName, { ids: [...ids], ...window });
    return groupById(
      ids,
      rows,
      (row) => String((row[column] as Props)[key]),
      (row) => toLink(row[column] as Props, from, to),
    );
  }
}

/** Creating and changing documents (role editor), through the node writer of src/write/. */
import type { Executor } from '../db/executor.js';
import type { SeedDocument } from '../shared/seed-format.js';
import { AuditTargetKind } from '../write/audit.js';
import { evidenceOf } from '../write/evidence.js';
import { generateId } from '../write/ids.js';
import { createNode, type NodeSpec, updateNode } from '../write/node-writer.js';
import { sentFields } from '../write/values.js';
import { type Author, Writer } from '../write/writer.js';
import type { CreateDocumentInput, UpdateDocumentInput } from './document-curation.input.js';
import { insertDocument, saveDocument } from './document-curation.repository.js';
import { checkDocument } from './document-curation.rules.js';
import { toDocument } from './document.mapping.js';
import type { Document } from './document.type.js';

export const DOCUMENT_WRITES: NodeSpec<SeedDocument, Document> = {
  kind: 'document',
  label: 'Document',
  noun: 'document',
  targetKind: AuditTargetKind.DOCUMENT,
  editable: ['title', 'kind', 'pages', 'parts'],
  check: (p, prefix, d) => checkDocument(p, prefix, d),
  insert: insertDocument,
  save: saveDocument,
  fromStored: (props) => {
    const { id, title, kind, pages, parts, evidence } = toDocument(props);
    return { id, title, kind, pages, parts, evidence };
  },
  toRecord: toDocument,
  evidence: (d) => d.evidence,
  title: (d) => d.title,
};

export class DocumentCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  createDocument(by: Author, input: CreateDocumentInput): Promise<Document> {
    const document: SeedDocument = {
      id: input.id ?? generateId('document', input.title),
      title: input.title,
      kind: input.kind,
      pages: input.pages ?? null,
      parts: input.parts ?? null,
      evidence: evidenceOf(input.evidence),
    };
    return createNode(this.writer, by, DOCUMENT_WRITES, document, input.id == null);
  }

  updateDocument(by: Author, id: string, input: UpdateDocumentInput): Promise<Document> {
    return updateNode(this.writer, by, DOCUMENT_WRITES, id, sentFields(input) as Partial<SeedDocument>);
  }
}

/** Rows of the document queries to Document records and provenance links (AUTHORED, CONTAINS). Pure functions, unit tested without a database. */
import type { DocumentKind } from '../shared/enums.js';
import { num, type Props } from '../shared/row-values.js';
import { toEvidence } from '../sources/source.type.js';
import type { Document } from './document.type.js';

/** A link record with provenance (AUTHORED, CONTAINS), kept generic: both ends are ids. */
export interface LinkRecord {
  fromId: string;
  toId: string;
  evidence: ReturnType<typeof toEvidence>;
}

export function toDocument(p: Props): Document {
  return {
    id: String(p['id']),
    title: String(p['title']),
    kind: p['kind'] as DocumentKind,
    pages: num(p['pages']),
    parts: num(p['parts']),
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

export function toLink(p: Props, fromKey: string, toKey: string): LinkRecord {
  return { fromId: String(p[fromKey]), toId: String(p[toKey]), evidence: toEvidence(p['sourceIds'], p['evidence']) };
}

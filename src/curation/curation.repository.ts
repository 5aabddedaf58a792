/**
 * The query of what stays cross-entity in curation: the audit log. The writes of each entity are in its feature folder
 * (`<feature>-curation.repository.ts`), the shared write queries in src/write/.
 */
import type { Executor } from '../db/executor.js';
import { pageFromRow, type PageResult } from '../shared/paging.js';
import type { AuditEntry } from './audit.type.js';
import { toAuditEntry } from './curation.mapping.js';

export interface AuditQuery {
  targetId: string | null;
  by: string | null;
  actions: string[] | null;
  targetKinds: string[] | null;
  limit: number;
  offset: number;
}

/**
 * Past this many matches of a filter by editor, action or kind, the audit log's total is the
 * size of the whole log (see list-audit-entries.cypher; the schema says so).
 */
export const AUDIT_COUNT_CAP = 1_000;

/** A page of the audit log: the entries of the query's window and how many match (see AUDIT_COUNT_CAP). */
export async function listAudit(executor: Executor, query: AuditQuery): Promise<PageResult<AuditEntry>> {
  const [row] = await executor.read('curation/list-audit-entries', { ...query, countCap: AUDIT_COUNT_CAP });
  return pageFromRow({ limit: query.limit, offset: query.offset }, row, 'items', toAuditEntry);
}

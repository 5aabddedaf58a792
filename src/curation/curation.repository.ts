/**
 * The query of what stays cross-entity in curation: the audit log. The writes of each entity are in its feature folder
 * (`<feature>-curation.repository.ts`), the shared write queries in src/write/.
 */
import type { Executor } from '../db/executor.js';
import type { Props } from '../shared/row-values.js';
import type { AuditEntry } from './audit.type.js';

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

export async function listAudit(executor: Executor, query: AuditQuery): Promise<{ total: number; items: AuditEntry[] }> {
  const [row] = await executor.read('curation/list-audit-entries', { ...query, countCap: AUDIT_COUNT_CAP });
  const items = ((row?.['items'] as Props[] | undefined) ?? []).map(toAuditEntry);
  return { total: Number(row?.['total'] ?? 0), items };
}

export function toAuditEntry(p: Props): AuditEntry {
  let changes: unknown = null;
  if (typeof p['changes'] === 'string') {
    try {
      changes = JSON.parse(p['changes']);
    } catch {
      changes = p['changes'];
    }
  }
  return {
    id: String(p['id']),
    at: String(p['at']),
    by: String(p['by']),
    action: p['action'] as AuditEntry['action'],
    targetKind: p['targetKind'] as AuditEntry['targetKind'],
    targetId: String(p['targetId']),
    summary: String(p['summary'] ?? ''),
    changes,
    via: String(p['via'] ?? 'api'),
  };
}

/** Rows of the audit-log query to the records the AuditEntry type exposes. Pure; unit tested without a database. */
import type { Props } from '../shared/row-values.js';
import type { AuditEntry } from './audit.type.js';

export function toAuditEntry(p: Props): AuditEntry {
  let changes: unknown = null;
  if (typeof p['changes'] === 'string') {
    // Stored as JSON text; an entry whose text does not parse is shown as that text rather than lost.
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

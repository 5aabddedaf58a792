/**
 * The audit entries of an import batch: one per item really created or changed, naming the
 * run it came in, numbered from `offset` across the whole run (import/create-audit-entries).
 */
import { randomUUID } from 'node:crypto';

import { AuditAction } from '../write/audit.js';
import { isShownField, reportedFields } from './import.plan.js';
import type { Row } from '../db/executor.js';
import type { PlannedRow } from './batch-plan.js';
import type { RunInfo } from './journal.repository.js';

export function auditEntries(items: readonly PlannedRow[], run: RunInfo, dataset: string, offset: number): Row[] {
  return items
    .filter((item) => item.status !== 'unchanged')
    .map((item, i) => ({
      id: randomUUID(),
      seq: offset + i,
      by: run.by,
      via: run.via,
      run: run.id,
      targetKind: item.target,
      targetId: item.label,
      ...(item.status === 'create'
        ? { action: AuditAction.CREATE, summary: `Imported from ${dataset}`, changes: null }
        : {
            action: AuditAction.UPDATE,
            summary: `Updated by import of ${dataset}: ${reportedFields(item.changed).join(', ')}`,
            changes: JSON.stringify(
              Object.fromEntries(
                item.changed.filter(isShownField).map((field) => [field, { from: item.before[field] ?? null, to: item.after[field] ?? null }]),
              ),
            ),
          }),
    }));
}

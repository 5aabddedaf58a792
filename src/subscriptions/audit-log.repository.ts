import type { Reader } from '../db/request-reader.js';
import type { FollowedEntry } from './audit-follower.js';

/** The audit log as the follower reads it: where it ends, and the entries after a number. */
export class AuditLogRepository {
  constructor(private readonly reader: Reader) {}

  /** The last sequence number written; 0 for an empty log. */
  async lastSequence(): Promise<number> {
    const [row] = await this.reader.read('subscriptions/find-last-audit-sequence');
    return Number(row?.['last'] ?? 0);
  }

  /** At most `limit` entries numbered after `after`, in order. */
  async entriesAfter(after: number, limit: number): Promise<FollowedEntry[]> {
    const rows = await this.reader.read('subscriptions/find-audit-entries-after', { after, limit });
    return rows.map((row) => row['entry'] as FollowedEntry);
  }
}

import type { Reader } from '../db/request-reader.js';
import type { Props } from '../shared/row-values.js';
import { toStance } from '../stances/stance.mapping.js';
import type { ComparedStance } from './stance-changes.rules.js';

/** The two sides of a comparison (a meeting or a period each) and who and what to compare. */
export interface StanceComparison {
  fromMeetingId: string | null;
  fromStart: string | null;
  fromEnd: string | null;
  toMeetingId: string | null;
  toStart: string | null;
  toEnd: string | null;
  actorIds: string[] | null;
  positionIds: string[] | null;
  includeMembers: boolean;
  /** A bound on the rows read (the comparison itself is made in stance-changes.rules.ts). */
  maxRows: number;
}

export class StanceChangesRepository {
  constructor(private readonly reader: Reader) {}

  /** Each actor's stances on each position on either side, marked with the side(s) it is on. */
  async compare(comparison: StanceComparison): Promise<ComparedStance[]> {
    const rows = await this.reader.read('analysis/stance-changes', { ...comparison });
    return rows.map((row) => ({
      actorId: String(row['actorId']),
      actorName: String(row['actorName'] ?? row['actorId']),
      positionId: String(row['positionId']),
      positionTitle: String(row['positionTitle'] ?? row['positionId']),
      inFrom: row['inFrom'] === true,
      inTo: row['inTo'] === true,
      stance: toStance(row['stance'] as Props),
    }));
  }
}

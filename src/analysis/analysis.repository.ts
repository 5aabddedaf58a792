/** The analysis queries: the only place that names `cypher/analysis/*.cypher`. */
import type { Reader } from '../db/request-reader.js';
import type { Position } from '../positions/position.type.js';
import { toPosition } from '../positions/position.mapping.js';
import type { Topic } from '../shared/enums.js';
import type { Window } from '../shared/page.js';
import type { Props } from '../shared/row-values.js';
import { toDispute, toTimelineEvent } from './analysis.mapping.js';
import type { Dispute, TimelineEvent } from './analysis.type.js';

export interface TimelineFilter {
  actorId: string | null;
  topic: Topic | null;
  from: string | null;
  to: string | null;
  includeMembers: boolean;
  limit: number;
}

/**
 * The query for commonGround of these (distinct) actors: two on their own are one pattern
 * between them, which Neo4j answers with a join; any other set counts agreeing actors.
 */
export function commonGroundQuery(distinctActorIds: readonly string[], includeMembers: boolean): string {
  return distinctActorIds.length === 2 && !includeMembers ? 'analysis/common-ground-of-pair' : 'analysis/common-ground';
}

export class AnalysisRepository {
  constructor(private readonly reader: Reader) {}

  /**
   * Positions all of `actorIds` agreed to. What `asked` leaves out comes empty: without
   * `evidence` (asked for neither `evidence` nor `sources`) an empty list, without `summary` null,
   * without `topics` an empty list.
   */
  async commonGround(
    actorIds: string[],
    meetingId: string | null,
    includeMembers: boolean,
    window: Window,
    asked: { evidence: boolean; summary: boolean; topics: boolean } = { evidence: true, summary: true, topics: true },
  ): Promise<Position[]> {
    // The query counts agreeing actors per position: each actor once.
    const distinct = [...new Set(actorIds)];
    const rows = await this.reader.read(commonGroundQuery(distinct, includeMembers), {
      actorIds: distinct,
      meetingId,
      includeMembers,
      withEvidence: asked.evidence,
      withSummary: asked.summary,
      withTopics: asked.topics,
      ...window,
    });
    return rows.map((row) => {
      const [id, type, title, topics, summary, sourceIds, evidence] = row['position'] as unknown[];
      return toPosition({ id, type, title, topics, summary, sourceIds, evidence } as Props);
    });
  }

  /** `stanceCap` bounds each side's stances per position. */
  async disputes(actorIds: string[], includeMembers: boolean, window: Window, stanceCap: number): Promise<Dispute[]> {
    const rows = await this.reader.read('analysis/disputes', { actorIds, includeMembers, stanceCap, ...window });
    return rows.map(toDispute);
  }

  async timeline(filter: TimelineFilter): Promise<TimelineEvent[]> {
    return (await this.reader.read('analysis/timeline', { ...filter })).map(toTimelineEvent);
  }
}

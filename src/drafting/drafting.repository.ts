/**
 * The reads of the coding assistant (it never writes): the source with its text and the
 * graph's actors, memberships and meetings; then the best positions for each candidate from
 * the full-text index.
 */
import type { Executor } from '../db/executor.js';
import { type Props, toSource } from '../shared/mapping.js';
import type { Source } from '../sources/source.type.js';
import type { KnownActor, Membership } from './actors.js';
import type { KnownMeeting } from './draft.js';

/** The most actors (and meetings) names are matched against. */
export const MAX_CONTEXT_ITEMS = 5000;

export interface DraftingContext {
  source: Source;
  actors: KnownActor[];
  memberships: Membership[];
  meetings: KnownMeeting[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export async function findDraftingContext(executor: Executor, sourceId: string): Promise<DraftingContext | null> {
  const [row] = await executor.read('drafting/find-drafting-context', { sourceId, maxActors: MAX_CONTEXT_ITEMS });
  if (!row) return null;
  return {
    source: toSource(row['source'] as Props),
    actors: ((row['actors'] as Props[]) ?? []).map((a) => ({
      id: String(a['id']),
      name: String(a['name']),
      kind: String(a['kind']),
      aliases: strings(a['aliases']),
    })),
    memberships: ((row['memberships'] as Props[]) ?? []).map((m) => ({ memberId: String(m['memberId']), groupId: String(m['groupId']) })),
    meetings: ((row['meetings'] as Props[]) ?? []).map((m) => ({
      id: String(m['id']),
      title: String(m['title']),
      date: typeof m['date'] === 'string' ? m['date'] : null,
    })),
  };
}

export interface PositionHit {
  id: string;
  score: number;
}

/** The best `limit` positions for each keyed query (queries already escaped Lucene). */
export async function matchPositions(executor: Executor, queries: Array<{ key: string; query: string }>, limit: number): Promise<Map<string, PositionHit[]>> {
  if (queries.length === 0) return new Map();
  const rows = await executor.read('drafting/match-positions', { queries, limit });
  return new Map(rows.map((r) => [String(r['key']), ((r['matches'] as Props[]) ?? []).map((m) => ({ id: String(m['id']), score: Number(m['score']) }))]));
}

/**
 * Loads what the graph view draws, through the public GraphQL API like any client: four
 * paged lists fetched in parallel, each page small enough to stay well under the server's
 * complexity limit, and only ids on the stances (details are fetched on click).
 */
import { queryGraphQL } from '../shared/graphql-client';
import type { ActorData, GraphData, MeetingData, PositionData, StanceData } from './graph-model';

/** More than this many items of one kind would not be readable as a drawing anyway. */
const MAX_ITEMS = 2_000;

interface Page<T> {
  total: number;
  items: T[];
}

const STANCES = /* GraphQL */ `
  query ExploreStances($limit: Int!, $offset: Int!) {
    page: stances(page: { limit: $limit, offset: $offset }) {
      total
      items {
        id
        kind
        date
        actor {
          id
        }
        position {
          id
        }
        meeting {
          id
        }
        targets {
          actor {
            id
          }
        }
      }
    }
  }
`;

const ACTORS = /* GraphQL */ `
  query ExploreActors($limit: Int!, $offset: Int!) {
    page: actors(page: { limit: $limit, offset: $offset }) {
      total
      items {
        id
        name
        kind
        memberOf {
          role
          group {
            id
          }
        }
      }
    }
  }
`;

const POSITIONS = /* GraphQL */ `
  query ExplorePositions($limit: Int!, $offset: Int!) {
    page: positions(page: { limit: $limit, offset: $offset }) {
      total
      items {
        id
        title
        type
        topics
        involves {
          role
          actor {
            id
          }
        }
      }
    }
  }
`;

const MEETINGS = /* GraphQL */ `
  query ExploreMeetings($limit: Int!, $offset: Int!) {
    page: meetings(page: { limit: $limit, offset: $offset }) {
      total
      items {
        id
        title
        date
        status
        attendance {
          role
          actor {
            id
          }
        }
      }
    }
  }
`;

async function fetchAll<T>(query: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const { page } = await queryGraphQL<{ page: Page<T> }>(query, { limit, offset: items.length });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total || items.length >= MAX_ITEMS) return items;
  }
}

export async function loadGraphData(): Promise<GraphData> {
  const [stances, actors, positions, meetings] = await Promise.all([
    fetchAll<StanceData>(STANCES, 200),
    // Memberships fan out under each actor; a smaller page keeps the cost low.
    fetchAll<ActorData>(ACTORS, 100),
    fetchAll<PositionData>(POSITIONS, 200),
    fetchAll<MeetingData>(MEETINGS, 50),
  ]);
  return { stances, actors, positions, meetings };
}

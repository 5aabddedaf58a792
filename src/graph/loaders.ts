/**
 * Per-request DataLoaders over the feature repositories. Every relationship field of the API
 * goes through one of these, so a request costs one round trip per relationship kind (and
 * page size), however many items it returns (a test counts the queries). Nested lists are
 * keyed by their parent and their page, and each parent's page is cut in the database.
 * Loaders live for one request only: no stale data across requests.
 */
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';

import { toActor } from '../actors/actor.mapping.js';
import type { MeetingLinks } from '../meetings/meeting.repository.js';
import { toPosition } from '../positions/position.mapping.js';
import type { Window } from '../shared/page.js';
import { fetchByWindow, type PagedKey } from '../shared/paging.js';
import { prefetchStanceLists } from '../stances/stance-list-factory.js';
import { ACTOR_STANCE_LISTS, POSITION_STANCE_LISTS } from '../stances/stance-lists.resolver.js';
import { lookAheadName, mergeLookAhead } from '../stances/stance-lookahead.js';
import type { StanceListKey } from '../stances/stance.repository.js';
import type { Stance } from '../stances/stance.type.js';
import type { Repositories } from './repositories.js';

export type { StanceListKey } from '../stances/stance.repository.js';
export type { MeetingLinks } from '../meetings/meeting.repository.js';

/** A nested list of one parent item, at one page. */
export interface ListKey extends PagedKey {
  id: string;
}

const listKeyName = (key: ListKey) => `${key.id}|${key.window.offset}|${key.window.limit}`;
const stanceKeyName = (key: StanceListKey) =>
  [
    key.id,
    key.kind ?? '*',
    key.includeRetracted ? 'all' : 'active',
    key.meetingId ?? '',
    key.window.offset,
    key.window.limit,
    lookAheadName(key.lookAhead),
  ].join('|');

function byIdLoader<T>(find: (ids: readonly string[]) => Promise<Array<T | null>>) {
  return new DataLoader<string, T | null>((ids) => find(ids));
}

/** Lists per parent id; one query per distinct page in the batch. */
function listLoader<T>(fetch: (ids: readonly string[], window: Window) => Promise<T[][]>) {
  return new DataLoader<ListKey, T[], string>(
    (keys) =>
      fetchByWindow(keys, (group, window) =>
        fetch(
          group.map((key) => key.id),
          window,
        ),
      ),
    { cacheKeyFn: listKeyName },
  );
}

/**
 * Stance lists per parent, kind and page. One query per batch fetches what any list of the
 * batch looked ahead for; lists asked with different look-aheads are cached apart (the items
 * fetched ahead are partial).
 */
function stanceListLoader(
  fetch: (keys: readonly StanceListKey[], window: Window, lookAhead: StanceListKey['lookAhead'], withParents: boolean) => Promise<Stance[][]>,
) {
  return new DataLoader(
    (keys: readonly StanceListKey[]) =>
      fetchByWindow(keys, (group, window) =>
        fetch(
          group,
          window,
          mergeLookAhead(group.map((key) => key.lookAhead)),
          group.some((key) => key.withParent),
        ),
      ),
    { cacheKeyFn: stanceKeyName },
  );
}

export function createLoaders(repos: Repositories) {
  const { actors, meetings, positions, sources, documents, disagreements, stances } = repos;
  const actor = byIdLoader((ids) => actors.findByIds(ids));
  const position = byIdLoader((ids) => positions.findByIds(ids));
  // actor(id) / position(id) ask their lists' query for the parent too: it lands in the parent's loader.
  const stancesByActor = stanceListLoader((keys, window, lookAhead, withParents) =>
    stances.ofActors(keys, window, lookAhead, withParents ? (props) => actor.prime(String(props['id']), toActor(props)) : undefined),
  );
  const stancesByPosition = stanceListLoader((keys, window, lookAhead, withParents) =>
    stances.ofPositions(keys, window, lookAhead, withParents ? (props) => position.prime(String(props['id']), toPosition(props)) : undefined),
  );
  return {
    actor,
    meeting: byIdLoader((ids) => meetings.findByIds(ids)),
    position,
    source: byIdLoader((ids) => sources.findByIds(ids)),
    sourceText: new DataLoader<string, string | null>((ids) => sources.textsOf(ids)),
    document: byIdLoader((ids) => documents.findByIds(ids)),
    disagreement: byIdLoader((ids) => disagreements.findByIds(ids)),

    stancesByActor,
    stancesByPosition,
    /**
     * actor(id) / position(id) load the stance lists their selection asks for, and the parent
     * with them (one query instead of two); they wait on the returned loads before loading the
     * parent. Offered here because the lists' resolvers live in stances/, which actors/ and
     * positions/ must not import.
     */
    prefetchActorStanceLists: (info: GraphQLResolveInfo, id: string) => prefetchStanceLists(info, id, stancesByActor, ACTOR_STANCE_LISTS),
    prefetchPositionStanceLists: (info: GraphQLResolveInfo, id: string) => prefetchStanceLists(info, id, stancesByPosition, POSITION_STANCE_LISTS),
    stancesByMeeting: stanceListLoader((keys, window, lookAhead) => stances.ofMeetings(keys, window, lookAhead)),
    membershipsByMember: listLoader((ids, window) => actors.membershipsOfMembers(ids, window)),
    membershipsByGroup: listLoader((ids, window) => actors.membershipsOfGroups(ids, window)),
    attendanceByMeeting: listLoader((ids, window) => meetings.attendanceOfMeetings(ids, window)),
    attendanceByActor: listLoader((ids, window) => meetings.attendanceOfActors(ids, window)),
    contentsByDocument: listLoader((ids, window) => documents.links('contents-by-documents', ids, window)),
    contentsByPosition: listLoader((ids, window) => documents.links('contents-by-positions', ids, window)),
    authorshipByDocument: listLoader((ids, window) => documents.links('authorship-by-documents', ids, window)),
    authorshipByActor: listLoader((ids, window) => documents.links('authorship-by-actors', ids, window)),
    disagreementsByConcerned: listLoader((ids, window) => disagreements.concerning(ids, window)),
    meetingLinks: new DataLoader<ListKey, MeetingLinks, string>(
      (keys) =>
        fetchByWindow(keys, async (group, window) =>
          (
            await meetings.links(
              group.map((key) => key.id),
              window,
            )
          ).map((links) => [links]),
        ).then((lists) => lists.map((list) => list[0] ?? { previousIds: [], nextIds: [] })),
      { cacheKeyFn: listKeyName },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

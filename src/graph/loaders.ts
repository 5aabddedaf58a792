/**
 * Per-request DataLoaders over the feature repositories. Every relationship field of the API
 * goes through one of these, so a request costs one round trip per relationship kind (and
 * page size), however many items it returns (a test counts the queries). Nested lists are
 * keyed by their parent and their page, and each parent's page is cut in the database.
 * Loaders live for one request only: no stale data across requests.
 */
import DataLoader from 'dataloader';

import type { MeetingLinks } from '../meetings/meeting.repository.js';
import type { Window } from '../shared/page.js';
import { fetchByWindow, type PagedKey } from '../shared/paging.js';
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
  [key.id, key.kind ?? '*', key.includeRetracted ? 'all' : 'active', key.meetingId ?? '', key.window.offset, key.window.limit].join('|');

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

function stanceListLoader(fetch: (keys: readonly StanceListKey[], window: Window) => Promise<Stance[][]>) {
  return new DataLoader((keys: readonly StanceListKey[]) => fetchByWindow(keys, fetch), { cacheKeyFn: stanceKeyName });
}

export function createLoaders(repos: Repositories) {
  const { actors, meetings, positions, sources, documents, disagreements, stances } = repos;
  return {
    actor: byIdLoader((ids) => actors.findByIds(ids)),
    meeting: byIdLoader((ids) => meetings.findByIds(ids)),
    position: byIdLoader((ids) => positions.findByIds(ids)),
    source: byIdLoader((ids) => sources.findByIds(ids)),
    sourceText: new DataLoader<string, string | null>((ids) => sources.textsOf(ids)),
    document: byIdLoader((ids) => documents.findByIds(ids)),
    disagreement: byIdLoader((ids) => disagreements.findByIds(ids)),

    stancesByActor: stanceListLoader((keys, window) => stances.ofActors(keys, window)),
    stancesByPosition: stanceListLoader((keys, window) => stances.ofPositions(keys, window)),
    stancesByMeeting: stanceListLoader((keys, window) => stances.ofMeetings(keys, window)),
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

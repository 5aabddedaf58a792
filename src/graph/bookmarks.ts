/**
 * Read your own writes across API replicas and Neo4j cluster members. An answer to a request
 * that wrote carries `extensions.bookmark`, an opaque string; a client that sends it back in
 * the `Bookmark` header of a later request (to any replica) is answered only from a database
 * member that has applied that write. Without the header a read may, on a Neo4j cluster, come
 * from a follower a few milliseconds behind; on a single server it always sees every commit.
 */
import type { ApolloServerPlugin } from '@apollo/server';

import { AppError, ErrorCode } from '../errors/errors.js';
import type { RequestContext } from './context.js';

export const BOOKMARK_HEADER = 'bookmark';
/** Neo4j bookmarks are short base64-like text ("FB:kcwQ..."); one per database written. */
const BOOKMARK_PATTERN = /^[A-Za-z0-9+/=:_.-]{1,512}$/;
const MAX_BOOKMARKS = 16;

/** The bookmarks in a Bookmark header (comma-separated, or the header repeated); [] when absent. */
export function parseBookmarkHeader(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const values = (Array.isArray(header) ? header : [header])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (values.length > MAX_BOOKMARKS || values.some((value) => !BOOKMARK_PATTERN.test(value))) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'The Bookmark header must hold the extensions.bookmark of an earlier answer, unchanged.', {
      argument: 'Bookmark',
      http: { status: 400 },
    });
  }
  return values;
}

/** One opaque string for extensions.bookmark (and the Bookmark header): the bookmarks, comma-separated. */
export function formatBookmarks(bookmarks: readonly string[]): string {
  return bookmarks.join(',');
}

/** Adds `extensions.bookmark` to the answer of every request that committed a write. */
export function bookmarkPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const bookmarks = await contextValue.executor.bookmarksAfterWrites();
          if (!bookmarks || bookmarks.length === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, bookmark: formatBookmarks(bookmarks) };
        },
      };
    },
  };
}

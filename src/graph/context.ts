import type { Principal } from '../auth/token.js';
import type { TokenStore } from '../auth/token-store.js';
import type { AppConfig } from '../config/config.js';
import type { Executor } from '../db/executor.js';
import type { ChangeFeed } from '../subscriptions/change-feed.js';
import type { RequestReader } from '../db/request-reader.js';
import type { Loaders } from './loaders.js';
import type { Repositories } from './repositories.js';

/**
 * What every resolver gets: this request's read repositories and loaders (over one read
 * transaction), the executor for writes, and the configuration.
 */
export interface RequestContext {
  /** For writes (curation, tokens); reads go through `repos` and `loaders`. */
  executor: Executor;
  /** The request's read transaction, closed when the response is sent. */
  reader: RequestReader;
  repos: Repositories;
  loaders: Loaders;
  config: AppConfig;
  /** Who made the request (from `Authorization: Bearer <token>`), or null when anonymous. */
  principal?: Principal | null;
  /** Set when the request presented a token that does not verify; the request is refused. */
  authFailure?: string | null;
  /** The API tokens, for the admin mutations that manage them. */
  tokens?: TokenStore;
  /**
   * The check of the bearer token against the database, pending: it resolves to what the
   * access plugin copies into `principal` and `authFailure` before any resolver runs (Apollo
   * hands resolvers a copy of the context, so the check cannot fill in this object itself),
   * and rejects when the database could not be asked.
   */
  authentication?: Promise<Pick<RequestContext, 'principal' | 'authFailure'>>;
  /** Subscriptions only (over WebSocket): the stream of changes, and a re-check of the caller's token. */
  changes?: ChangeFeed;
  reauthorize?: () => Promise<void>;
}

import type { Principal } from '../auth/token.js';
import type { TokenStore } from '../auth/token-store.js';
import type { AppConfig } from '../config/config.js';
import type { Executor } from '../db/executor.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets: the executor, this request's loaders, and the configuration. */
export interface RequestContext {
  executor: Executor;
  loaders: Loaders;
  config: AppConfig;
  /** Who made the request (from `Authorization: Bearer <token>`), or null when anonymous. */
  principal?: Principal | null;
  /** Set when the request presented a token that does not verify; the request is refused. */
  authFailure?: string | null;
  /** The API tokens, for the admin mutations that manage them. */
  tokens?: TokenStore;
}

/**
 * The part of the request context that knows the features: the composition root fills in
 * src/request/context.ts here (TypeScript declaration merging), so that features can import
 * the context type without request/ importing any feature. See docs/architecture.md.
 */
import type { Principal } from '../auth/token.js';
import type { TokenStore } from '../auth/token-store.js';
import type { ChangeFeed } from '../subscriptions/change-feed.js';
import type { ExecutedAhead } from './compiled-operations.js';
import type { Loaders } from './loaders.js';
import type { Repositories } from './repositories.js';
import type { ResponseBudget } from './response-budget.js';
import type { Services } from './services.js';

declare module '../request/context.js' {
  interface RequestContext {
    repos: Repositories;
    loaders: Loaders;
    /** Writes, imports, the audit log, tokens and drafting, bound to this request's executor. */
    services: Services;
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
    /**
     * Subscriptions only: a new reader with its repositories and loaders, for the next event
     * (a connection lives for hours; one event's loaders must not answer from another's cache).
     */
    freshReads?: () => Pick<RequestContext, 'reader' | 'repos' | 'loaders'>;
    /** What the answer may still cost (fields, bytes, time), charged by every field resolver; set when execution starts. */
    responseBudget?: ResponseBudget;
    /** A result the fast path computed before handing the request to Apollo, which returns it as it is (src/graph/compiled-operations.ts). */
    executedAhead?: ExecutedAhead;
  }
}

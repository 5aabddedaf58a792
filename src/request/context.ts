import type { AppConfig } from '../config/config.js';
import type { Executor } from '../db/executor.js';
import type { RequestReader } from '../db/request-reader.js';

/**
 * What every resolver gets. This file declares the part every request has whatever features
 * the service is built from: the executor, the request's reader and the
 * configuration. The composition root (src/graph/request-services.ts) adds the rest by
 * declaration merging: this request's read repositories and loaders over that reader,
 * the caller and the token store, and for subscriptions the change feed. So features import
 * one RequestContext type from here, while this folder imports no feature.
 */
export interface RequestContext {
  /** For writes (curation, tokens); reads go through `repos` and `loaders`. */
  executor: Executor;
  /** The request's reads (src/db/request-reader.ts), whose sessions close when the response is sent. */
  reader: RequestReader;
  config: AppConfig;
}

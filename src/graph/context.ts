import type { AppConfig } from '../config/config.js';
import type { Executor } from '../db/executor.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets: the executor, this request's loaders, and the configuration. */
export interface RequestContext {
  executor: Executor;
  loaders: Loaders;
  config: AppConfig;
}

/**
 * The read side of a request context: the request's reader (auto-commit queries on sessions
 * it opens as needed, src/db/request-reader.ts), the repositories over it and the loaders
 * over those; and the Apollo plugin that closes its sessions when the response is ready.
 */
import type { ApolloServerPlugin } from '@apollo/server';

import type { Executor } from '../db/executor.js';
import type { RequestReader } from '../db/request-reader.js';
import type { RequestContext } from '../request/context.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createRepositories, type Repositories } from './repositories.js';

export interface RequestReads {
  reader: RequestReader;
  repos: Repositories;
  loaders: Loaders;
}

export function createRequestReads(executor: Executor): RequestReads {
  const reader = executor.requestReader();
  const repos = createRepositories(reader);
  return { reader, repos, loaders: createLoaders(repos) };
}

/** Releases the request's sessions; not awaited, so it never delays the response. */
export function requestReadsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          void contextValue.reader.close();
        },
      };
    },
  };
}

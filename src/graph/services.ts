/**
 * What resolvers call besides the request's repositories and loaders: the write services
 * (each mutation one write transaction), imports, the audit log, token management and the
 * drafting assistant, bound to the request's executor. Built here, in the composition root,
 * so that resolvers never touch the executor (docs/architecture.md).
 */
import { ActorCurationService } from '../actors/actor-curation.service.js';
import { createToken, revokeToken } from '../auth/token.service.js';
import { listAudit } from '../curation/curation.repository.js';
import type { Executor } from '../db/executor.js';
import { DisagreementCurationService } from '../disagreements/disagreement-curation.service.js';
import { DocumentCurationService } from '../documents/document-curation.service.js';
import { draftStances } from '../drafting/drafting.service.js';
import { importDatasets } from '../import/import.service.js';
import { MeetingCurationService } from '../meetings/meeting-curation.service.js';
import { PositionCurationService } from '../positions/position-curation.service.js';
import { RelationCurationService } from '../relations/relation-curation.service.js';
import { SourceCurationService } from '../sources/source-curation.service.js';
import { setSourceText } from '../sources/source-text.service.js';
import { StanceCurationService } from '../stances/stance-curation.service.js';

/** Binds a function whose first parameter is the executor. */
const bound =
  <A extends unknown[], T>(executor: Executor, fn: (executor: Executor, ...rest: A) => T) =>
  (...rest: A): T =>
    fn(executor, ...rest);

export function createServices(executor: Executor) {
  // Services are created on first use: most requests are reads and need none of them.
  return {
    get actors() {
      return new ActorCurationService(executor);
    },
    get meetings() {
      return new MeetingCurationService(executor);
    },
    get positions() {
      return new PositionCurationService(executor);
    },
    get documents() {
      return new DocumentCurationService(executor);
    },
    get sources() {
      return new SourceCurationService(executor);
    },
    get stances() {
      return new StanceCurationService(executor);
    },
    get disagreements() {
      return new DisagreementCurationService(executor);
    },
    get relations() {
      return new RelationCurationService(executor);
    },
    setSourceText: bound(executor, setSourceText),
    createToken: bound(executor, createToken),
    revokeToken: bound(executor, revokeToken),
    importDatasets: bound(executor, importDatasets),
    listAudit: bound(executor, listAudit),
    draftStances: bound(executor, draftStances),
  };
}

export type Services = ReturnType<typeof createServices>;

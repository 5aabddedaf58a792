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

/**
 * A request's services, each made on first use: most requests are reads and need none of
 * them. A class rather than an object literal of getters and closures, which every request
 * built anew (about 17 µs of a trivial request's CPU); its getters live once, on the prototype.
 */
class RequestServices {
  constructor(private readonly executor: Executor) {}
  get actors() {
    return new ActorCurationService(this.executor);
  }
  get meetings() {
    return new MeetingCurationService(this.executor);
  }
  get positions() {
    return new PositionCurationService(this.executor);
  }
  get documents() {
    return new DocumentCurationService(this.executor);
  }
  get sources() {
    return new SourceCurationService(this.executor);
  }
  get stances() {
    return new StanceCurationService(this.executor);
  }
  get disagreements() {
    return new DisagreementCurationService(this.executor);
  }
  get relations() {
    return new RelationCurationService(this.executor);
  }
  get setSourceText() {
    return bound(this.executor, setSourceText);
  }
  get createToken() {
    return bound(this.executor, createToken);
  }
  get revokeToken() {
    return bound(this.executor, revokeToken);
  }
  get importDatasets() {
    return bound(this.executor, importDatasets);
  }
  get listAudit() {
    return bound(this.executor, listAudit);
  }
  get draftStances() {
    return bound(this.executor, draftStances);
  }
}

export function createServices(executor: Executor): RequestServices {
  return new RequestServices(executor);
}

export type Services = RequestServices;

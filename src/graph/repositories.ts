/**
 * The read repositories of one request, all over the request's reader. The
 * composition point of the read side: resolvers reach data only through these (or the
 * loaders built on them), never through the executor.
 */
import { ActorRepository } from '../actors/actor.repository.js';
import { AnalysisRepository } from '../analysis/analysis.repository.js';
import { StanceChangesRepository } from '../changes/stance-changes.repository.js';
import type { Reader } from '../db/request-reader.js';
import { DisagreementRepository } from '../disagreements/disagreement.repository.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { PositionRepository } from '../positions/position.repository.js';
import { SearchRepository } from '../search/search.repository.js';
import { SourceRepository } from '../sources/source.repository.js';
import { StanceRepository } from '../stances/stance.repository.js';

export function createRepositories(reader: Reader) {
  return {
    actors: new ActorRepository(reader),
    meetings: new MeetingRepository(reader),
    positions: new PositionRepository(reader),
    stances: new StanceRepository(reader),
    sources: new SourceRepository(reader),
    documents: new DocumentRepository(reader),
    disagreements: new DisagreementRepository(reader),
    search: new SearchRepository(reader),
    analysis: new AnalysisRepository(reader),
    stanceChanges: new StanceChangesRepository(reader),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

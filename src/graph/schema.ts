import { type GraphQLSchema, isAbstractType, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { ActorCurationResolver } from '../actors/actor-curation.resolver.js';
import { ActorResolver, MembershipResolver } from '../actors/actor.resolver.js';
import { AnalysisResolver } from '../analysis/analysis.resolver.js';
import { authChecker } from '../auth/authorization.js';
import { TokenResolver } from '../auth/token.resolver.js';
import { StanceChangesResolver } from '../changes/stance-changes.resolver.js';
import { CurationResolver } from '../curation/curation.resolver.js';
import { ImportResolver } from '../import/import.resolver.js';
import { DisagreementCurationResolver } from '../disagreements/disagreement-curation.resolver.js';
import {
  ActorDisagreementsResolver,
  DisagreementResolver,
  DisagreementVersionResolver,
  MeetingDisagreementsResolver,
  PositionDisagreementsResolver,
} from '../disagreements/disagreement.resolver.js';
import { DocumentCurationResolver } from '../documents/document-curation.resolver.js';
import { ActorDocumentsResolver, DocumentResolver, PositionDocumentsResolver } from '../documents/document.resolver.js';
import { MeetingCurationResolver } from '../meetings/meeting-curation.resolver.js';
import { ActorAttendanceResolver, AttendanceResolver, MeetingResolver } from '../meetings/meeting.resolver.js';
import { DisagreementConcernsResolver } from '../nodes/graph-node.resolver.js';
import { graphNodeTypeName } from '../nodes/graph-node.js';
import { Concession, Demand, Proposal, positionTypeName } from '../positions/position.type.js';
import { PositionCurationResolver } from '../positions/position-curation.resolver.js';
import { PositionResolver } from '../positions/position.resolver.js';
import {
  ActorRelationsResolver,
  InvolvementResolver,
  PositionInvolvesResolver,
  StanceTargetResolver,
  StanceTargetsResolver,
} from '../relations/relation.resolver.js';
import { RelationCurationResolver } from '../relations/relation-curation.resolver.js';
import { SearchResolver } from '../search/search.resolver.js';
import { SourceCurationResolver } from '../sources/source-curation.resolver.js';
import { EvidenceResolver, SourcedResolver, SourceResolver } from '../sources/source.resolver.js';
import { SourceTextResolver } from '../sources/source-text.resolver.js';
import { CandidateActorResolver, DraftedStanceResolver, DraftingResolver, PositionMatchResolver } from '../drafting/drafting.resolver.js';
import { StanceCurationResolver } from '../stances/stance-curation.resolver.js';
import { StanceResolver } from '../stances/stance.resolver.js';
import { ActorStancesResolver, MeetingStancesResolver, PositionStancesResolver } from '../stances/stance-lists.resolver.js';
import { SubscriptionResolver } from '../subscriptions/subscription.resolver.js';

export const RESOLVERS = [
  ActorResolver,
  MembershipResolver,
  MeetingResolver,
  AttendanceResolver,
  ActorAttendanceResolver,
  PositionResolver,
  StanceResolver,
  ActorStancesResolver,
  MeetingStancesResolver,
  PositionStancesResolver,
  DocumentResolver,
  ActorDocumentsResolver,
  PositionDocumentsResolver,
  SourceResolver,
  SourcedResolver,
  EvidenceResolver,
  SourceTextResolver,
  DraftingResolver,
  DraftedStanceResolver,
  CandidateActorResolver,
  PositionMatchResolver,
  DisagreementResolver,
  DisagreementVersionResolver,
  DisagreementConcernsResolver,
  ActorDisagreementsResolver,
  MeetingDisagreementsResolver,
  PositionDisagreementsResolver,
  SearchResolver,
  AnalysisResolver,
  CurationResolver,
  ImportResolver,
  ActorCurationResolver,
  MeetingCurationResolver,
  PositionCurationResolver,
  DocumentCurationResolver,
  SourceCurationResolver,
  StanceCurationResolver,
  DisagreementCurationResolver,
  TokenResolver,
  SubscriptionResolver,
  StanceTargetsResolver,
  StanceTargetResolver,
  PositionInvolvesResolver,
  ActorRelationsResolver,
  InvolvementResolver,
  StanceChangesResolver,
  RelationCurationResolver,
] as const;

/** Builds the executable schema, sorted so the emitted SDL is stable. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [Demand, Proposal, Concession],
    // Inputs are checked by the resolvers and scalars with messages that name the argument.
    validate: false,
    // Roles: @Authorized('editor') etc. on resolvers; the checker throws the project's own
    // UNAUTHENTICATED / FORBIDDEN errors, never type-graphql's default ones.
    authChecker,
    // type-graphql asks for a PubSub whenever there are subscriptions; ours bring their own
    // `subscribe` (src/subscriptions), fed by the audit log, so this one is never used.
    pubSub: {
      publish: () => {
        throw new Error('subscriptions are fed by the audit log, not published');
      },
      subscribe: () => {
        throw new Error('every subscription brings its own subscribe function');
      },
    },
  });
  // Root types get their descriptions here: type-graphql creates them without one.
  const query = schema.getQueryType();
  if (query) query.description = 'Questions to the negotiation graph: who proposed, rejected or agreed to what, where, and according to which source.';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'Changes to the graph. Each is one transaction, recorded with who made it and when.';
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = 'Live updates over WebSocket (graphql-ws) on /graphql, from changes made through any API replica.';
  return syncResolveTypes(lexicographicSortSchema(schema));
}

/**
 * type-graphql wraps every resolveType in an async function, so GraphQL waits on a promise
 * (and a microtask) for each position or graph node in an answer, 50 to 75 per page. Ours
 * are synchronous; they are put back unwrapped.
 */
function syncResolveTypes(schema: GraphQLSchema): GraphQLSchema {
  const resolvers: Record<string, (value: never) => string | undefined> = { Position: positionTypeName, GraphNode: graphNodeTypeName };
  for (const [name, resolveType] of Object.entries(resolvers)) {
    const type = schema.getType(name);
    if (!isAbstractType(type)) throw new Error(`${name} is not an interface or union of the schema`);
    type.resolveType = (value) => resolveType(value as never);
  }
  return schema;
}

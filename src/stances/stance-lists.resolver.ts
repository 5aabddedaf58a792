/**
 * The stance lists of actors, meetings and positions (Actor.proposed, Meeting.stances,
 * Position.rejectedBy…). They live with the stances rather than with their parents so that
 * imports run one way: stances know actors, meetings and positions, never the reverse.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import type { RequestContext } from '../request/context.js';
import { StanceKind } from '../shared/enums.js';
import { PageInput } from '../shared/page.js';
import { listPageArg } from '../shared/paging.js';
import { type StanceListField, StanceListsOf } from './stance-list-factory.js';
import { stanceListKey } from './stance-list.args.js';
import { Stance } from './stance.type.js';

/** A meeting's stances are its own table (a round has dozens), so that list pages by 50. */
const MEETING_STANCES_PAGE_SIZE = 50;

/** Actor.proposed / rejected / agreedTo / considering. */
export const ACTOR_STANCE_LISTS: StanceListField[] = [
  { name: 'proposed', kind: StanceKind.PROPOSED, description: 'Positions this actor proposed, as stances with their sources.' },
  { name: 'rejected', kind: StanceKind.REJECTED, description: 'Positions this actor rejected.' },
  { name: 'agreedTo', kind: StanceKind.AGREED_TO, description: 'Positions this actor agreed to.' },
  { name: 'considering', kind: StanceKind.CONSIDERING, description: 'Positions this actor is considering (under review).' },
];

/** Position.proposedBy / rejectedBy / agreedBy / consideredBy. */
export const POSITION_STANCE_LISTS: StanceListField[] = [
  { name: 'proposedBy', kind: StanceKind.PROPOSED, description: 'Who proposed it, per source.' },
  { name: 'rejectedBy', kind: StanceKind.REJECTED, description: 'Who rejected it, per source.' },
  { name: 'agreedBy', kind: StanceKind.AGREED_TO, description: 'Who agreed to it, per source.' },
  { name: 'consideredBy', kind: StanceKind.CONSIDERING, description: 'Who is considering it, per source.' },
];

export const ActorStancesResolver = StanceListsOf(Actor, (ctx) => ctx.loaders.stancesByActor, ACTOR_STANCE_LISTS);

// Declared on the interface, so Demand, Proposal and Concession inherit them.
export const PositionStancesResolver = StanceListsOf(Position, (ctx) => ctx.loaders.stancesByPosition, POSITION_STANCE_LISTS);

@Resolver(() => Meeting)
export class MeetingStancesResolver {
  @FieldResolver(() => [Stance], { description: 'Stances taken at this meeting.' })
  async stances(
    @Root() meeting: Meeting,
    @Arg('kind', () => StanceKind, { nullable: true, description: 'Only stances of this kind.' }) kind: StanceKind | null,
    @Arg('includeRetracted', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' }) includeRetracted: boolean,
    @Arg('page', () => PageInput, listPageArg(MEETING_STANCES_PAGE_SIZE)) page: PageInput | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Stance[]> {
    return ctx.loaders.stancesByMeeting.load(stanceListKey(meeting.id, kind, { includeRetracted, page }, info, MEETING_STANCES_PAGE_SIZE));
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import { ArgsType, Field, ID } from 'type-graphql';

import type { StanceKind } from '../shared/enums.js';
import { PageInput } from '../shared/page.js';
import { listPageArg, NESTED_PAGE_SIZE, toListWindow } from '../shared/paging.js';
import { perSelection } from '../shared/per-selection.js';
import { stanceLookAhead } from './stance-lookahead.js';
import type { StanceListKey } from './stance.repository.js';

/** The arguments of every nested stance list (Actor.proposed, Position.rejectedBy, ...). */
@ArgsType()
export class StanceListArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' })
  includeRetracted!: boolean;

  @Field(() => ID, { nullable: true, description: 'Only stances taken at this meeting.' })
  meetingId?: string | null;

  @Field(() => PageInput, listPageArg())
  page?: PageInput | null;
}

/** The look-ahead of a list's stances, read once per selection (see src/shared/per-selection.ts). */
const lookAheadOfList = perSelection(stanceLookAhead);

/** The loader key of one nested stance list, with the look-ahead of the field's selection; checks the page. */
export function stanceListKey(
  id: string,
  kind: StanceKind | null,
  args: { includeRetracted?: boolean | null; meetingId?: string | null; page?: PageInput | null },
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  defaultLimit = NESTED_PAGE_SIZE,
): StanceListKey {
  return {
    id,
    kind,
    includeRetracted: args.includeRetracted ?? false,
    meetingId: args.meetingId ?? null,
    window: toListWindow(args.page, defaultLimit),
    lookAhead: lookAheadOfList(info),
  };
}

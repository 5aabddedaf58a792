import { Field, ID, InputType } from 'type-graphql';

import { badUserInput } from '../errors/errors.js';
import { StanceKind, Topic } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';

@InputType({ description: 'Which stances to list. Every field is optional; lists match any of their values.' })
export class StanceFilter {
  @Field(() => [StanceKind], { nullable: true, description: 'PROPOSED, REJECTED, AGREED_TO, CONSIDERING.' })
  kinds?: StanceKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Actors who took the stance.' })
  actorIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'Count stances of members for their groups (a delegation’s or its head’s stance for the state). Default true.',
  })
  includeMembers?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Stances addressed to any of these actors (their targets): whom a side addressed its demands to.' })
  targetIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Stances on these positions.' })
  positionIds?: string[] | null;

  @Field(() => [Topic], { nullable: true, description: 'Positions on any of these topics.' })
  topics?: Topic[] | null;

  @Field(() => [ID], { nullable: true, description: 'Stances taken at these meetings.' })
  meetingIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Stances reported by any of these sources.' })
  sourceIds?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Taken on or after this day.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Taken on or before this day.' })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also list retracted stances.' })
  includeRetracted?: boolean | null;
}

/** A date range whose end comes before its start is a mistake, not an empty answer. */
export function checkDateRange(from: string | null | undefined, to: string | null | undefined, prefix = ''): void {
  if (from && to && from > to) throw badUserInput(`${prefix}to`, `(${to}) is before "${prefix}from" (${from})`);
}

/** The Cypher parameters of `stances/list-stances`; empty lists mean "no filter". */
export function toStanceParams(filter: StanceFilter | null | undefined): Record<string, unknown> {
  const list = <T>(values: T[] | null | undefined) => (values && values.length > 0 ? values : null);
  checkDateRange(filter?.from, filter?.to, 'filter.');
  return {
    kinds: list(filter?.kinds),
    actorIds: list(filter?.actorIds),
    includeMembers: filter?.includeMembers ?? true,
    targetIds: list(filter?.targetIds),
    positionIds: list(filter?.positionIds),
    topics: list(filter?.topics),
    meetingIds: list(filter?.meetingIds),
    sourceIds: list(filter?.sourceIds),
    from: filter?.from ?? null,
    to: filter?.to ?? null,
    includeRetracted: filter?.includeRetracted ?? false,
  };
}

import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Meeting } from '../meetings/meeting.type.js';
import { StanceKind } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { Stance } from '../stances/stance.type.js';
import { StanceChangeKind } from './stance-changes.rules.js';

registerEnumType(StanceChangeKind, {
  name: 'StanceChangeKind',
  description:
    'KIND_CHANGED (the actor took another kind of stance on the position, e.g. REJECTED then CONSIDERING), NEW (only on the later side), NOT_REPEATED (only on the earlier side), REPEATED (the same kind on both).',
});

@InputType({ description: 'A period of days; either end may be left open.' })
export class PeriodInput {
  @Field(() => LocalDate, { nullable: true, description: 'On or after this day.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'On or before this day.' })
  to?: string | null;
}

@ObjectType({ description: 'One side of a comparison: a meeting, or a period.' })
export class ComparisonSide {
  @Field(() => Meeting, { nullable: true, description: 'The meeting, when this side is a meeting.' })
  meeting!: Meeting | null;

  @Field(() => LocalDate, { nullable: true, description: 'Start of the period, when this side is a period.' })
  from!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'End of the period, when this side is a period.' })
  to!: string | null;
}

@ObjectType({ description: 'How many (actor, position) pairs fell in each class, before any limit.' })
export class StanceChangeCounts {
  @Field(() => Int, { description: 'Pairs whose kind of stance changed.' })
  kindChanged!: number;

  @Field(() => Int, { description: 'Stances taken only on the later side.' })
  new!: number;

  @Field(() => Int, { description: 'Stances taken on the earlier side and not repeated on the later one.' })
  notRepeated!: number;

  @Field(() => Int, { description: 'The same kind of stance on both sides.' })
  repeated!: number;
}

@ObjectType({ description: 'What changed for one actor on one position, with the stances (and so the sources) on both sides.' })
export class StanceChange {
  @Field(() => StanceChangeKind, { description: 'New, not repeated, changed in kind, or repeated.' })
  change!: StanceChangeKind;

  actorId!: string;
  positionId!: string;

  @Field(() => [StanceKind], { description: 'The kinds of stance on the earlier side (empty for NEW).' })
  kindsBefore!: StanceKind[];

  @Field(() => [StanceKind], { description: 'The kinds of stance on the later side (empty for NOT_REPEATED).' })
  kindsAfter!: StanceKind[];

  @Field(() => [Stance], { description: 'The stances on the earlier side, each with its sources and quotes.' })
  before!: Stance[];

  @Field(() => [Stance], { description: 'The stances on the later side, each with its sources and quotes.' })
  after!: Stance[];
}

@ObjectType({ description: 'What changed between two meetings or two periods, per actor and position.' })
export class StanceChanges {
  @Field(() => ComparisonSide, { description: 'The earlier side.' })
  from!: ComparisonSide;

  @Field(() => ComparisonSide, { description: 'The later side.' })
  to!: ComparisonSide;

  @Field(() => StanceChangeCounts, { description: 'How many pairs in each class.' })
  counts!: StanceChangeCounts;

  @Field(() => Int, { description: 'How many changes match (the classes asked for), before the limit.' })
  total!: number;

  @Field(() => Boolean, { description: 'True when the sides hold more stances than one comparison reads; narrow it with actorIds or positionIds.' })
  truncated!: boolean;

  @Field(() => [StanceChange], {
    description: 'Changes of kind first, then new stances, stances not repeated and (if asked) repeated ones; by actor and position.',
  })
  changes!: StanceChange[];
}

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ConnectionEdgeKind } from '../connections/connection.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import { LocalDate } from '../shared/scalars.js';
import { type EvidenceRecord, Sourced } from '../sources/source.type.js';
import { Stance } from '../stances/stance.type.js';

@ObjectType({ description: 'A position one side proposed and another rejected, with the stances on both sides.' })
export class Dispute {
  @Field(() => Position, { description: 'The disputed position.' })
  position!: Position;

  @Field(() => [Stance], { description: 'Who proposed it (at most 50 stances; the position’s proposedBy pages through all).' })
  proposed!: Stance[];

  @Field(() => [Stance], { description: 'Who rejected it (at most 50 stances; the position’s rejectedBy pages through all).' })
  rejected!: Stance[];
}

@ObjectType({ description: 'A node on a path.' })
export class PathNode {
  @Field(() => ID, { description: 'Id of the node.' })
  id!: string;

  @Field(() => String, { description: 'Actor, Meeting, Position (Demand, Proposal, Concession), Document or Disagreement.' })
  kind!: string;

  @Field(() => String, { description: 'Name or title.' })
  label!: string;
}

@ObjectType({ implements: Sourced, description: 'An edge on a path, in its stored direction, with the sources that report it.' })
export class PathEdge extends Sourced {
  @Field(() => String, { description: 'Relationship type, e.g. PROPOSED, TARGETS, INVOLVES, ATTENDED, MEMBER_OF.' })
  type!: string;

  @Field(() => ConnectionEdgeKind, { nullable: true, description: 'What kind of edge it is: a stance, a target, an involvement, an attendance...' })
  kind!: ConnectionEdgeKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The role, where the edge has one (HEAD at a meeting, MUST_ACT in a position, "president" of a state), or the stance kind of a TARGETS edge.',
  })
  role!: string | null;

  declare evidence: EvidenceRecord[];

  @Field(() => ID, { nullable: true, description: 'The stance id, for stance and target edges.' })
  id!: string | null;

  @Field(() => ID, { description: 'Id of the node the edge starts from.' })
  fromId!: string;

  @Field(() => ID, { description: 'Id of the node the edge points to.' })
  toId!: string;
}

@ObjectType({ description: 'One shortest path between two nodes.' })
export class GraphPath {
  @Field(() => Int, { description: 'Number of edges.' })
  length!: number;

  @Field(() => [PathNode], { description: 'The nodes along the path, from start to end.' })
  nodes!: PathNode[];

  @Field(() => [PathEdge], { description: 'The edges between consecutive nodes.' })
  edges!: PathEdge[];
}

export enum TimelineEventKind {
  MEETING = 'MEETING',
  STANCE = 'STANCE',
}
registerEnumType(TimelineEventKind, { name: 'TimelineEventKind', description: 'Whether a timeline event is a meeting or a stance.' });

@ObjectType({ description: 'A dated event: a meeting, or a stance taken.' })
export class TimelineEvent {
  @Field(() => TimelineEventKind, { description: 'Meeting or stance.' })
  kind!: TimelineEventKind;

  @Field(() => LocalDate, { nullable: true, description: 'When it happened; undated events come last.' })
  date!: string | null;

  @Field(() => Meeting, { nullable: true, description: 'The meeting, for MEETING events.' })
  meeting!: Meeting | null;

  @Field(() => Stance, { nullable: true, description: 'The stance, for STANCE events.' })
  stance!: Stance | null;
}

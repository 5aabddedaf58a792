import { Field, ID, ObjectType } from 'type-graphql';

import type { Actor } from '../actors/actor.type.js';
import type { Meeting } from '../meetings/meeting.type.js';
import type { Position } from '../positions/position.type.js';
import { StanceKind, StanceStatus } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { type EvidenceRecord, type Source, Sourced } from '../sources/source.type.js';

@ObjectType({ description: 'PLOVER event coding of a stance, for comparison with event datasets.' })
export class PloverCode {
  @Field(() => String, { nullable: true, description: 'PLOVER event type, e.g. DEMAND, AGREE, CONCEDE, REJECT.' })
  event!: string | null;

  @Field(() => String, { nullable: true, description: 'PLOVER mode, e.g. "ceasefire" or "release persons".' })
  mode!: string | null;

  @Field(() => [String], { description: 'PLOVER contexts, e.g. ["ceasefire"].' })
  context!: string[];
}

@ObjectType({
  implements: Sourced,
  description: 'One claim that an actor took a stance on a position ("Russia REJECTED the unconditional ceasefire"), with every source that reports it.',
})
export class Stance extends Sourced {
  @Field(() => ID, { description: 'Stable id of the claim, e.g. "stance:russia-rejected-unconditional-ceasefire".' })
  id!: string;

  @Field(() => StanceKind, { description: 'Proposed, rejected, agreed to or considering.' })
  kind!: StanceKind;

  actorId!: string;
  positionId!: string;
  meetingId!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the stance was taken (not when it was reported or recorded).' })
  date!: string | null;

  @Field(() => PloverCode, { nullable: true, description: 'PLOVER coding.' })
  plover!: PloverCode | null;

  @Field(() => String, { nullable: true, description: 'CAMEO event code, e.g. "1246" (refuse to de-escalate).' })
  cameo!: string | null;

  @Field(() => StanceStatus, { description: 'RETRACTED stances are hidden unless asked for.' })
  status!: StanceStatus;

  @Field(() => String, { nullable: true, description: 'When it entered the graph (ISO 8601).' })
  recordedAt!: string | null;

  /** Exposed by StanceResolver, to editors only: it is a token holder's name. */
  recordedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was retracted, if it was.' })
  retractedAt!: string | null;

  /** Exposed by StanceResolver, to editors only (see recordedBy). */
  retractedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retracted.' })
  retractionReason!: string | null;

  declare evidence: EvidenceRecord[];

  /**
   * The actor, position, meeting and sources, when the stance query fetched them ahead for
   * the client's selection (partial: only what was asked; see stance-lookahead.ts). Undefined:
   * not fetched, the loaders answer. The sources are here only when no quotes were asked;
   * with quotes, each is on its quote (`EvidenceRecord.source`).
   */
  ahead?: { actor?: Actor; position?: Position; meeting?: Meeting | null; sources?: Source[] };
}

/**
 * A stance as a field resolver's `@Root()` parameter. Typed as a class, the root would be
 * copied into a new instance of it by type-graphql for every field of every stance (the
 * emitted parameter type names the class); as a mapped type its metadata is Object, and the
 * plain record is passed as it is.
 */
export type StanceRoot = Readonly<Stance>;

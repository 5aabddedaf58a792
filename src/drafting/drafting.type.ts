import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { ActorKind, PositionType, StanceKind } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';
import { PloverCode } from '../stances/stance.type.js';

@ObjectType({ description: 'Who a candidate stance is by (or aimed at): an actor of the graph, or a name it does not know yet.' })
export class CandidateActor {
  @Field(() => ID, { nullable: true, description: 'The matched actor of the graph; null for a new name.' })
  actorId!: string | null;

  @Field(() => String, { description: 'The graph’s name for the actor, or the name as the text gives it.' })
  name!: string;

  @Field(() => ActorKind, { nullable: true, description: 'For a new name: the kind it most likely is.' })
  suggestedKind!: string | null;

  @Field(() => String, { description: 'How it was found: name (or alias), demonym ("the Russians"), parties ("both sides"), pronoun, or new.' })
  matchedBy!: string;
}

@ObjectType({ description: 'An existing position that may be the one a candidate is about, by full-text score.' })
export class PositionMatch {
  positionId!: string;

  @Field(() => Float, { description: 'Full-text relevance (higher is better; not bounded).' })
  score!: number;
}

@ObjectType({ description: 'A new position to create when none of the matches fits.' })
export class SuggestedPosition {
  @Field(() => String, { description: 'A title from the words after the cue; edit before creating.' })
  title!: string;

  @Field(() => PositionType, { description: 'Demand, proposal or concession, from the cue.' })
  type!: string;

  @Field(() => Boolean, { description: 'True when no existing position matched well: the stance is likely about a new position.' })
  isLikelyNew!: boolean;
}

@ObjectType({ description: 'A stance the coding assistant read in a source: a suggestion to accept, edit or dismiss; nothing is stored.' })
export class DraftedStance {
  @Field(() => ID, { description: 'Identifies the candidate within this draft (not stored).' })
  id!: string;

  @Field(() => StanceKind, { description: 'PROPOSED, REJECTED, AGREED_TO or CONSIDERING, after negation and hedges.' })
  kind!: string;

  @Field(() => CandidateActor, { description: 'Who takes the stance (for reported speech, the one reported, not the speaker).' })
  actor!: CandidateActor;

  @Field(() => [CandidateActor], { description: 'Known actors named after the cue (e.g. to whom an offer was made).' })
  targets!: CandidateActor[];

  @Field(() => [PositionMatch], { description: 'The best existing positions, best first.' })
  positions!: PositionMatch[];

  @Field(() => SuggestedPosition, { description: 'A new position, for when none of `positions` fits.' })
  suggestedPosition!: SuggestedPosition;

  meetingId!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The date the text gives, else the meeting’s, else the source’s publication date.' })
  date!: string | null;

  @Field(() => String, { description: 'The sentence, verbatim from the source’s text (at most 300 characters).' })
  quote!: string;

  @Field(() => Int, { description: 'Where the quote starts in the source’s text (UTF-16 code units).' })
  start!: number;

  @Field(() => Int, { description: 'Where the quote ends in the source’s text (exclusive).' })
  end!: number;

  @Field(() => String, { description: 'The words that marked the stance, as written, e.g. "has rejected", "will consider".' })
  cue!: string;

  @Field(() => String, { description: 'How the actor was found: direct, coordinated, parties, speaker, pronoun, passive, possessive or according-to.' })
  attribution!: string;

  @Field(() => Float, { description: 'How sure the assistant is, 0..1 (cue strength times how directly the actor was found).' })
  confidence!: number;

  @Field(() => PloverCode, { description: 'Suggested PLOVER coding, by the mapping in seed/README.md (the Codes table under stances).' })
  plover!: PloverCode;

  @Field(() => String, { nullable: true, description: 'Suggested CAMEO code.' })
  cameo!: string | null;
}

@ObjectType({ description: 'What the coding assistant drafted from one source.' })
export class StanceDraft {
  sourceId!: string;

  @Field(() => [DraftedStance], { description: 'The candidates, in the order of the text (at most 300).' })
  candidates!: DraftedStance[];
}

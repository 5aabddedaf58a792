/**
 * What clients send to the curation mutations. Shapes follow the seed format
 * (seed/README.md), so a dataset entry and a mutation input read the same. Ids are optional on
 * creation: when left out, one is made from the name or title the way the seed format does
 * ("actor:rustem-umerov", "stance:russia-rejected-<position slug>").
 *
 * On updates, a field left out stays as it is and `null` clears an optional field. Evidence is
 * never replaced by an update: add a source to a stance with `addStanceSource`.
 */
import { Field, ID, InputType, Int } from 'type-graphql';

import { ActorKind, DocumentKind, MeetingKind, MeetingStatus, PositionType, StanceKind, Topic } from '../shared/enums.js';
import { LocalDate } from '../shared/scalars.js';

@InputType({ description: 'One source supporting a fact, with a short verbatim quote from it.' })
export class EvidenceInput {
  @Field(() => ID, { description: 'The source, e.g. "source:tass-2025-06-02"; it must exist.' })
  sourceId!: string;

  @Field(() => String, { description: 'The words of the source, verbatim: one line, at most 300 characters.' })
  quote!: string;
}

@InputType({ description: 'A new actor.' })
export class CreateActorInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "actor:rustem-umerov"; made from the name when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Name with its diacritics, at most 300 characters.' })
  name!: string;

  @Field(() => ActorKind, { description: 'What kind of participant: person, delegation, state or organisation.' })
  kind!: ActorKind;

  @Field(() => [String], { nullable: true, description: 'Other names and spellings the sources use.' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Role in the talks, in one sentence.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. "Q159".' })
  wikidataId?: string | null;

  @Field(() => [EvidenceInput], { description: 'At least one source naming the actor in this role.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to an actor: fields left out stay as they are; null clears an optional field.' })
export class UpdateActorInput {
  @Field(() => String, { nullable: true, description: 'Name as commonly written, with its diacritics; at most 300 characters.' })
  name?: string | null;

  @Field(() => ActorKind, { nullable: true, description: 'What kind of participant: person, delegation, state or organisation.' })
  kind?: ActorKind | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the aliases.' })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Role in the talks, in one sentence; at most 2000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. "Q159".' })
  wikidataId?: string | null;
}

@InputType({ description: 'A new meeting (a round of talks, a side meeting, a summit, a call), held, proposed or cancelled.' })
export class CreateMeetingInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "meeting:istanbul-2025-07-23"; made from the city and date (or the title) when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Title; one line, at most 300 characters.' })
  title!: string;

  @Field(() => MeetingKind, { nullable: true, description: 'Round of talks (the default), consultation, summit, phone call or working group.' })
  kind?: MeetingKind | null;

  @Field(() => Int, { nullable: true, description: 'Round number in the series of talks.' })
  round?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Required for a HELD meeting, which cannot be in the future.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset, e.g. "2025-07-23T19:00:00+03:00".' })
  startedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset; not before startedAt.' })
  endedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes, as reported.' })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Building or place, e.g. "Çırağan Palace".' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'City, e.g. "Istanbul".' })
  city?: string | null;

  @Field(() => MeetingStatus, { description: 'HELD, PROPOSED or CANCELLED.' })
  status!: MeetingStatus;

  @Field(() => [EvidenceInput], { description: 'At least one source reporting the meeting.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to a meeting: fields left out stay as they are; null clears an optional field.' })
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => MeetingKind, { nullable: true, description: 'Round of talks, consultation, summit, phone call or working group.' })
  kind?: MeetingKind | null;

  @Field(() => Int, { nullable: true, description: 'Round number in the series of talks (1 or more).' })
  round?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day it took place (or is planned), YYYY-MM-DD; a HELD meeting needs one, not in the future.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Start, ISO 8601 with offset, e.g. "2025-06-02T14:43:00+03:00".' })
  startedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'End, ISO 8601 with offset; not before startedAt.' })
  endedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes, as reported.' })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Building or place, e.g. "Çırağan Palace".' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'City, e.g. "Istanbul".' })
  city?: string | null;

  @Field(() => MeetingStatus, { nullable: true, description: 'e.g. PROPOSED → HELD once the round took place.' })
  status?: MeetingStatus | null;
}

@InputType({ description: 'A new demand, proposal or concession.' })
export class CreatePositionInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "position:exchange-of-1200-prisoners"; made from the title when left out.' })
  id?: string | null;

  @Field(() => PositionType, { description: 'DEMAND, PROPOSAL or CONCESSION.' })
  type!: PositionType;

  @Field(() => String, { description: 'Title; one line, at most 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it asks or offers, in a few sentences; at most 2000 characters.' })
  summary?: string | null;

  @Field(() => [Topic], { description: 'At least one topic.' })
  topics!: Topic[];

  @Field(() => [EvidenceInput], { description: 'At least one source reporting the content.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to a position: fields left out stay as they are; null clears an optional field.' })
export class UpdatePositionInput {
  @Field(() => PositionType, { nullable: true, description: 'DEMAND, PROPOSAL or CONCESSION.' })
  type?: PositionType | null;

  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'What it asks or offers, in a few sentences; at most 2000 characters.' })
  summary?: string | null;

  @Field(() => [Topic], { nullable: true, description: 'Replaces the topics.' })
  topics?: Topic[] | null;
}

@InputType({ description: 'A new document: a memorandum, a list, a statement.' })
export class CreateDocumentInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "document:ukrainian-memorandum-2025-07-23"; made from the title when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Title; one line, at most 300 characters.' })
  title!: string;

  @Field(() => DocumentKind, { description: 'Memorandum, list or statement.' })
  kind!: DocumentKind;

  @Field(() => Int, { nullable: true, description: 'Number of pages, as reported.' })
  pages?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of parts or sections, as reported.' })
  parts?: number | null;

  @Field(() => [EvidenceInput], { description: 'At least one source reporting the document.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: 'Changes to a document: fields left out stay as they are; null clears an optional field.' })
export class UpdateDocumentInput {
  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => DocumentKind, { nullable: true, description: 'Memorandum, list or statement.' })
  kind?: DocumentKind | null;

  @Field(() => Int, { nullable: true, description: 'Number of pages, as reported.' })
  pages?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of parts or sections, as reported.' })
  parts?: number | null;
}

@InputType({ description: 'A new source: a news article, a statement, a transcript.' })
export class CreateSourceInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "source:reuters-2025-07-23"; made from the publisher and date when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'Who published it, as the text names them.' })
  publisher!: string;

  @Field(() => String, { description: 'Headline or title.' })
  title!: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was published; not in the future.' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, e.g. "en".' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The full text of the report (at most 200,000 characters). Quotes citing the source must then occur in it verbatim; `draftStances` reads it.',
  })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'When the text was retrieved, ISO 8601; now when left out.' })
  retrievedAt?: string | null;
}

@InputType({ description: 'Changes to a source: fields left out stay as they are; null clears an optional field.' })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: 'Who published it, as the text names them.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Title; one line, at most 300 characters.' })
  title?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was published, YYYY-MM-DD; not in the future.' })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, e.g. "en".' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  url?: string | null;
}

@InputType({ description: 'PLOVER coding of a stance.' })
export class PloverInput {
  @Field(() => String, { nullable: true, description: 'PLOVER event type: DEMAND, AGREE, CONCEDE, REJECT, SUPPORT or CONSULT.' })
  event?: string | null;

  @Field(() => String, { nullable: true, description: 'PLOVER mode, a lowercase token, e.g. "yield" or "meet".' })
  mode?: string | null;

  @Field(() => [String], { nullable: true, description: 'PLOVER contexts, e.g. ["ceasefire", "military"].' })
  context?: string[] | null;
}

@InputType({ description: 'A claim that an actor took a stance on a position, with at least one source.' })
export class RecordStanceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'e.g. "stance:russia-rejected-unconditional-30-day-ceasefire-2025-07-23"; made from the actor, kind and position when left out.',
  })
  id?: string | null;

  @Field(() => StanceKind, { description: 'PROPOSED, REJECTED, AGREED_TO or CONSIDERING.' })
  kind!: StanceKind;

  @Field(() => ID, { description: 'Who took the stance; the actor must exist.' })
  actorId!: string;

  @Field(() => ID, { description: 'What it is about; the position must exist.' })
  positionId!: string;

  @Field(() => ID, { nullable: true, description: 'The meeting where it was taken, if any; it must exist.' })
  meetingId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was taken (not when reported); not in the future.' })
  date?: string | null;

  @Field(() => PloverInput, { nullable: true, description: 'PLOVER coding of the stance.' })
  plover?: PloverInput | null;

  @Field(() => String, { nullable: true, description: 'CAMEO code, 2-4 digits, e.g. "0356".' })
  cameo?: string | null;

  @Field(() => [EvidenceInput], { description: 'At least one source with a verbatim quote: a stance without a source is refused.' })
  evidence!: EvidenceInput[];
}

@InputType({ description: "One source's version of a disputed fact." })
export class DisagreementVersionInput {
  @Field(() => ID, { description: 'The source giving this version; it must exist.' })
  sourceId!: string;

  @Field(() => String, { description: 'What the source says, in brief.' })
  claim!: string;

  @Field(() => String, { description: 'Its words, verbatim.' })
  quote!: string;
}

@InputType({ description: 'A point on which sources disagree: every version is kept.' })
export class RecordDisagreementInput {
  @Field(() => ID, { nullable: true, description: 'e.g. "disagreement:size-of-prisoner-exchange"; made from the summary when left out.' })
  id?: string | null;

  @Field(() => String, { description: 'The disputed question, neutrally put.' })
  summary!: string;

  @Field(() => [ID], { description: 'The actors, meetings, positions, documents or sources it is about; they must exist.' })
  concerns!: string[];

  @Field(() => [DisagreementVersionInput], { description: 'At least two versions, from two different sources.' })
  versions!: DisagreementVersionInput[];
}

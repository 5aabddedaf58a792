/**
 * What clients send to createActor and updateActor. Shapes follow the seed format
 * (seed/README.md), so a dataset entry and a mutation input read the same; the id is made
 * from the name when left out ("actor:rustem-umerov").
 *
 * On updates, a field left out stays as it is and `null` clears an optional field. Evidence is
 * never replaced by an update: add a source to a stance with `addStanceSource`.
 */
import { Field, ID, InputType } from 'type-graphql';

import { ActorKind } from '../shared/enums.js';
import { EvidenceInput } from '../write/evidence.input.js';

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

import { Field, ID, ObjectType } from 'type-graphql';

import { ActorKind } from '../shared/enums.js';
import { type EvidenceRecord, Sourced } from '../sources/source.type.js';

@ObjectType({
  implements: Sourced,
  description: 'A participant in the talks: a person, a delegation, a state or an organisation. Stance lists hold the active stances unless asked otherwise.',
})
export class Actor extends Sourced {
  @Field(() => ID, { description: 'Stable id, e.g. "actor:vladimir-medinsky".' })
  id!: string;

  @Field(() => String, { description: 'Name as commonly written, with its diacritics (e.g. "Recep Tayyip Erdoğan").' })
  name!: string;

  @Field(() => ActorKind, { description: 'Person, delegation, state or organisation.' })
  kind!: ActorKind;

  @Field(() => [String], { description: 'Other names and spellings the sources use.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Role in the talks, in one sentence.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id (e.g. "Q7747"), when known, for linking to other data.' })
  wikidataId!: string | null;

  declare evidence: EvidenceRecord[];
}

@ObjectType({ implements: Sourced, description: 'Membership of an actor in a group: a person in a delegation, a delegation of a state.' })
export class Membership extends Sourced {
  memberId!: string;
  groupId!: string;

  @Field(() => String, { nullable: true, description: 'Role in the group as reported (e.g. "head", "member").' })
  role!: string | null;

  declare evidence: EvidenceRecord[];
}

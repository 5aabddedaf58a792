/**
 * The domain's closed vocabularies, registered once with GraphQL so the SDL documents them.
 * Values are the same strings stored in Neo4j and used in the seed format.
 */
import { registerEnumType } from 'type-graphql';

export enum ActorKind {
  PERSON = 'PERSON',
  DELEGATION = 'DELEGATION',
  STATE = 'STATE',
  ORGANIZATION = 'ORGANIZATION',
}

export enum MeetingStatus {
  HELD = 'HELD',
  PROPOSED = 'PROPOSED',
  CANCELLED = 'CANCELLED',
}

export enum PositionType {
  DEMAND = 'DEMAND',
  PROPOSAL = 'PROPOSAL',
  CONCESSION = 'CONCESSION',
}

export enum StanceKind {
  PROPOSED = 'PROPOSED',
  REJECTED = 'REJECTED',
  AGREED_TO = 'AGREED_TO',
  CONSIDERING = 'CONSIDERING',
}

export enum StanceStatus {
  ACTIVE = 'ACTIVE',
  RETRACTED = 'RETRACTED',
}

export enum AttendanceRole {
  HEAD = 'HEAD',
  MEMBER = 'MEMBER',
  CHAIR = 'CHAIR',
  MEDIATOR = 'MEDIATOR',
  HOST = 'HOST',
  OBSERVER = 'OBSERVER',
  /** Named as a participant of a proposed meeting: invited, not (yet) attended. */
  INVITED = 'INVITED',
}

/** What kind of meeting: the series of talks, the side meetings around them, leaders' meetings, calls. */
export enum MeetingKind {
  ROUND = 'ROUND',
  CONSULTATION = 'CONSULTATION',
  SUMMIT = 'SUMMIT',
  PHONE_CALL = 'PHONE_CALL',
  WORKING_GROUP = 'WORKING_GROUP',
}

/** The part an actor plays in a position (PLOVER's target and beyond). */
export enum InvolvementRole {
  MUST_ACT = 'MUST_ACT',
  PARTICIPANT = 'PARTICIPANT',
  BENEFICIARY = 'BENEFICIARY',
  GUARANTOR = 'GUARANTOR',
  MEDIATOR = 'MEDIATOR',
  HOST = 'HOST',
}

export enum DocumentKind {
  MEMORANDUM = 'MEMORANDUM',
  LIST = 'LIST',
  STATEMENT = 'STATEMENT',
}

export enum Topic {
  CEASEFIRE = 'CEASEFIRE',
  PRISONERS_AND_REMAINS = 'PRISONERS_AND_REMAINS',
  TERRITORY = 'TERRITORY',
  WITHDRAWAL_DEMILITARIZATION = 'WITHDRAWAL_DEMILITARIZATION',
  SECURITY_GUARANTEES_ALIGNMENT = 'SECURITY_GUARANTEES_ALIGNMENT',
  SANCTIONS_ECONOMIC = 'SANCTIONS_ECONOMIC',
  HUMANITARIAN_CIVILIANS = 'HUMANITARIAN_CIVILIANS',
  CHILDREN = 'CHILDREN',
  GOVERNANCE_ELECTIONS = 'GOVERNANCE_ELECTIONS',
  ACCOUNTABILITY_JUSTICE = 'ACCOUNTABILITY_JUSTICE',
  PROCESS_FORMAT = 'PROCESS_FORMAT',
  IMPLEMENTATION_MONITORING = 'IMPLEMENTATION_MONITORING',
}

export enum NodeKind {
  ACTOR = 'ACTOR',
  MEETING = 'MEETING',
  POSITION = 'POSITION',
  DOCUMENT = 'DOCUMENT',
  SOURCE = 'SOURCE',
  DISAGREEMENT = 'DISAGREEMENT',
}

registerEnumType(ActorKind, { name: 'ActorKind', description: 'What kind of participant an actor is.' });
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: 'Whether a meeting took place, is only proposed, or was called off.' });
registerEnumType(PositionType, {
  name: 'PositionType',
  description: 'Demand: what one side requires of the other. Proposal: a joint step put on the table. Concession: something a side gives up or offers.',
});
registerEnumType(StanceKind, { name: 'StanceKind', description: 'How an actor relates to a position.' });
registerEnumType(StanceStatus, { name: 'StanceStatus', description: 'A retracted stance is kept, with who retracted it, when and why.' });
registerEnumType(AttendanceRole, { name: 'AttendanceRole', description: 'The part an actor played at a meeting.' });
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description:
    'ROUND (a round of the talks), CONSULTATION (a side meeting or conversation, e.g. delegates with partners before the talks), SUMMIT (leaders or a multilateral event), PHONE_CALL, WORKING_GROUP (experts).',
});
registerEnumType(InvolvementRole, {
  name: 'InvolvementRole',
  description:
    'What a position asks of or gives to an actor: MUST_ACT (the party that must act), PARTICIPANT (of a proposed meeting or step), BENEFICIARY, GUARANTOR (guarantees, approves or oversees), MEDIATOR, HOST.',
});
registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'What kind of document was exchanged.' });
registerEnumType(Topic, {
  name: 'Topic',
  description: 'Negotiation topics, after the PA-X issue coding and PLOVER contexts. A position may have several.',
});
registerEnumType(NodeKind, { name: 'NodeKind', description: 'The kind of a node in the graph.' });

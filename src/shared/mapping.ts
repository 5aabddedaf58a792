/**
 * The row mappings now live with their features (`<feature>.mapping.ts`); this module
 * re-exports them for code that still imports them from here (curation).
 */
export { type Props } from './row-values.js';
export { toActor, toMembership } from '../actors/actor.mapping.js';
export { toDisagreement } from '../disagreements/disagreement.mapping.js';
export { type LinkRecord, toDocument, toLink } from '../documents/document.mapping.js';
export { toAttendance, toMeeting } from '../meetings/meeting.mapping.js';
export { toPosition } from '../positions/position.mapping.js';
export { toSource } from '../sources/source.mapping.js';
export { toStance } from '../stances/stance.mapping.js';

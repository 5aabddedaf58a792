import { StanceStatus } from '../shared/enums.js';
import type { Stance } from './stance.type.js';

/** Retracted stances stay in the graph but are hidden unless a client asks for them. */
export function activeUnless(includeRetracted: boolean | null | undefined, stances: Stance[]): Stance[] {
  return includeRetracted ? stances : stances.filter((stance) => stance.status !== StanceStatus.RETRACTED);
}

/** Stances taken at one meeting, when a meeting is given. */
export function atMeeting(meetingId: string | null | undefined, stances: Stance[]): Stance[] {
  return meetingId ? stances.filter((stance) => stance.meetingId === meetingId) : stances;
}

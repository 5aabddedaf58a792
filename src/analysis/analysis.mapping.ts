/** Rows of the analysis queries to the records their types expose. Pure. */
import { toMeeting } from '../meetings/meeting.mapping.js';
import { toPosition } from '../positions/position.mapping.js';
import type { Props } from '../shared/row-values.js';
import { toStance } from '../stances/stance.mapping.js';
import type { Dispute, TimelineEvent, TimelineEventKind } from './analysis.type.js';

export function toDispute(row: Props): Dispute {
  return {
    position: toPosition(row['position'] as Props),
    proposed: (row['proposed'] as Props[]).map(toStance),
    rejected: (row['rejected'] as Props[]).map(toStance),
  };
}

export function toTimelineEvent(row: Props): TimelineEvent {
  return {
    kind: row['kind'] as TimelineEventKind,
    date: (row['date'] as string | null) ?? null,
    meeting: row['meeting'] ? toMeeting(row['meeting'] as Props) : null,
    stance: row['stance'] ? toStance(row['stance'] as Props) : null,
  };
}

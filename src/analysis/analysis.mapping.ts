/** Rows of the analysis queries to the records their types expose. Pure. */
import { toMeeting } from '../meetings/meeting.mapping.js';
import { toPosition } from '../positions/position.mapping.js';
import type { Props } from '../shared/row-values.js';
import { toStance } from '../stances/stance.mapping.js';
import type { Dispute, GraphPath, TimelineEvent, TimelineEventKind } from './analysis.type.js';

/** Derives the GraphQL kind of a path node from its labels (Position nodes carry a subtype). */
export function pathNodeKind(labels: string[]): string {
  for (const label of ['Demand', 'Proposal', 'Concession', 'Actor', 'Meeting', 'Document', 'Disagreement', 'Source']) {
    if (labels.includes(label)) return label;
  }
  return labels[0] ?? 'Node';
}

export function toDispute(row: Props): Dispute {
  return {
    position: toPosition(row['position'] as Props),
    proposed: (row['proposed'] as Props[]).map(toStance),
    rejected: (row['rejected'] as Props[]).map(toStance),
  };
}

export function toGraphPath(row: Props): GraphPath {
  const edges = row['edges'] as GraphPath['edges'];
  const nodes = (row['nodes'] as Array<{ id: string; labels: string[]; label: string }>).map((node) => ({
    id: node.id,
    kind: pathNodeKind(node.labels),
    label: node.label,
  }));
  return { length: edges.length, nodes, edges };
}

export function toTimelineEvent(row: Props): TimelineEvent {
  return {
    kind: row['kind'] as TimelineEventKind,
    date: (row['date'] as string | null) ?? null,
    meeting: row['meeting'] ? toMeeting(row['meeting'] as Props) : null,
    stance: row['stance'] ? toStance(row['stance'] as Props) : null,
  };
}

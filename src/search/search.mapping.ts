/** Full-text rows to tagged search hits; the node's label picks the mapping. Pure. */
import { toActor } from '../actors/actor.mapping.js';
import { toDisagreement } from '../disagreements/disagreement.mapping.js';
import { toDocument } from '../documents/document.mapping.js';
import type { GraphNodeRecord } from '../nodes/graph-node.js';
import { toMeeting } from '../meetings/meeting.mapping.js';
import { toPosition } from '../positions/position.mapping.js';
import { isKindLabel } from '../shared/graph-kinds.js';
import type { Props } from '../shared/row-values.js';
import { toSource } from '../sources/source.mapping.js';
import { toStance } from '../stances/stance.mapping.js';

export interface SearchHitRecord {
  score: number;
  kind: string;
  /** Absent when the client did not select `item` (not fetched). */
  item?: GraphNodeRecord;
}

/** A hit from its labels and score, with its item when the row carries one. */
export function toHit(labels: string[], item: Props | undefined, score: number): SearchHitRecord | undefined {
  const kind = labels.find(isKindLabel);
  if (item === undefined) return kind ? { score, kind } : undefined;
  const record = ((): GraphNodeRecord | undefined => {
    switch (kind) {
      case 'Actor':
        return { ...toActor(item), nodeKind: kind };
      case 'Meeting':
        return { ...toMeeting(item), nodeKind: kind };
      case 'Position':
        return { ...toPosition(item), nodeKind: kind };
      case 'Document':
        return { ...toDocument(item), nodeKind: kind };
      case 'Source':
        return { ...toSource(item), nodeKind: kind };
      case 'Disagreement':
        return { ...toDisagreement({ ...item, concernIds: [] }), nodeKind: kind };
      case 'Stance':
        return { ...toStance(item), nodeKind: kind };
      case undefined:
        return undefined;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  })();
  return record && kind ? { score, kind, item: record } : undefined;
}

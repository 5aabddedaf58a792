/** Rows of the position queries to Position records (the `type` picks Demand, Proposal or Concession). Pure functions, unit tested without a database. */
import type { PositionType, Topic } from '../shared/enums.js';
import { type Props, str, strings } from '../shared/row-values.js';
import { toEvidence } from '../sources/source.type.js';
import type { Position } from './position.type.js';

export function toPosition(p: Props): Position {
  return {
    id: String(p['id']),
    type: p['type'] as PositionType,
    title: String(p['title']),
    summary: str(p['summary']),
    topics: strings(p['topics']) as Topic[],
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

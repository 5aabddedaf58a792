/** Rows of the stance queries (an edge projected with its kind and both ends' ids) to Stance records. Pure functions, unit tested without a database. */
import type { StanceKind, StanceStatus } from '../shared/enums.js';
import { type Props, str, strings } from '../shared/row-values.js';
import { toEvidence } from '../sources/source.type.js';
import type { Stance } from './stance.type.js';

export function toStance(p: Props): Stance {
  const event = str(p['ploverEvent']);
  const mode = str(p['ploverMode']);
  const context = strings(p['ploverContext']);
  return {
    id: String(p['id']),
    kind: p['kind'] as StanceKind,
    actorId: String(p['actorId']),
    positionId: String(p['positionId']),
    meetingId: str(p['meetingId']),
    date: str(p['date']),
    plover: event || mode || context.length > 0 ? { event, mode, context } : null,
    cameo: str(p['cameo']),
    status: (str(p['status']) ?? 'ACTIVE') as StanceStatus,
    recordedAt: str(p['recordedAt']),
    recordedBy: str(p['recordedBy']),
    retractedAt: str(p['retractedAt']),
    retractedBy: str(p['retractedBy']),
    retractionReason: str(p['retractionReason']),
    evidence: toEvidence(p['sourceIds'], p['evidence']),
  };
}

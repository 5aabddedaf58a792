/** Rows of the disagreement queries to Disagreement records (versions are stored as parallel lists). Pure functions, unit tested without a database. */
import { type Props, strings } from '../shared/row-values.js';
import type { Disagreement } from './disagreement.type.js';

export function toDisagreement(p: Props): Disagreement {
  const sourceIds = strings(p['versionSourceIds']);
  const claims = strings(p['versionClaims']);
  const quotes = strings(p['versionQuotes']);
  return {
    id: String(p['id']),
    summary: String(p['summary']),
    versions: sourceIds.map((sourceId, i) => ({ sourceId, claim: claims[i] ?? '', quote: quotes[i] ?? '' })),
    concernIds: strings(p['concernIds']),
  };
}

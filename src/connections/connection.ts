/**
 * `connection` that explains itself: paths prefer substantive edges (what actors said and did
 * to each other: stances, their targets, involvement in positions, attendance of the same
 * meeting) over chains of memberships and documents; each edge says what kind it is and
 * carries its sources. `via` restricts the kinds a path may use. The edge kinds are here; the
 * rows become paths in connection.mapping.ts.
 */
import { registerEnumType } from 'type-graphql';

export enum ConnectionEdgeKind {
  STANCE = 'STANCE',
  TARGET = 'TARGET',
  INVOLVEMENT = 'INVOLVEMENT',
  ATTENDANCE = 'ATTENDANCE',
  MEMBERSHIP = 'MEMBERSHIP',
  AUTHORSHIP = 'AUTHORSHIP',
  CONTENT = 'CONTENT',
  SEQUENCE = 'SEQUENCE',
  DISAGREEMENT = 'DISAGREEMENT',
}

registerEnumType(ConnectionEdgeKind, {
  name: 'ConnectionEdgeKind',
  description:
    'What an edge of a path is: STANCE (proposed, rejected, agreed to, considering), TARGET (a stance addressed to an actor), INVOLVEMENT (a position involves an actor), ATTENDANCE, MEMBERSHIP, AUTHORSHIP, CONTENT (a document contains a position), SEQUENCE (one meeting follows another), DISAGREEMENT (a disagreement concerns a node).',
});

/** The relationship types of each edge kind. */
export const TYPES_OF_KIND: Record<ConnectionEdgeKind, readonly string[]> = {
  [ConnectionEdgeKind.STANCE]: ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'],
  [ConnectionEdgeKind.TARGET]: ['TARGETS'],
  [ConnectionEdgeKind.INVOLVEMENT]: ['INVOLVES'],
  [ConnectionEdgeKind.ATTENDANCE]: ['ATTENDED'],
  [ConnectionEdgeKind.MEMBERSHIP]: ['MEMBER_OF'],
  [ConnectionEdgeKind.AUTHORSHIP]: ['AUTHORED'],
  [ConnectionEdgeKind.CONTENT]: ['CONTAINS'],
  [ConnectionEdgeKind.SEQUENCE]: ['FOLLOWS'],
  [ConnectionEdgeKind.DISAGREEMENT]: ['CONCERNS'],
};

/** What actors said and did to each other; tried before memberships and documents. */
export const SUBSTANTIVE_KINDS = [ConnectionEdgeKind.STANCE, ConnectionEdgeKind.TARGET, ConnectionEdgeKind.INVOLVEMENT, ConnectionEdgeKind.ATTENDANCE];

export function kindOfType(type: string): ConnectionEdgeKind | null {
  for (const kind of Object.values(ConnectionEdgeKind)) if (TYPES_OF_KIND[kind].includes(type)) return kind;
  return null;
}

export const typesOf = (kinds: readonly ConnectionEdgeKind[]) => [...new Set(kinds.flatMap((kind) => TYPES_OF_KIND[kind]))];

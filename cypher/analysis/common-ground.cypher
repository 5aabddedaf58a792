// Positions that every one of $actorIds (distinct ids) agreed to (at $meetingId, when given).
// With $includeMembers an agreement by a member (a delegation, its head) counts for its group.
// Each actor's own agreements (and its members') are read once and counted per position: a
// position all of them reached is common ground. So the cost follows the actors' agreements,
// not the number of positions, and no position is checked again per actor (which read every
// agreement on it). Without $includeMembers no membership path is expanded at all.
// Evidence and summary only when asked ($withEvidence, $withSummary: the seed's summaries are
// paragraphs, half the bytes of a page of titles). Paged ($offset, $limit) in title order.
UNWIND $actorIds AS actorId
MATCH (anchor:Actor {id: actorId})
CALL (anchor) {
  WITH anchor WHERE NOT $includeMembers
  RETURN anchor AS a
  UNION
  WITH anchor WHERE $includeMembers
  MATCH (a:Actor)-[:MEMBER_OF*0..3]->(anchor)
  RETURN a
}
MATCH (a)-[r:AGREED_TO]->(p:Position)
WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE' AND ($meetingId IS NULL OR r.meetingId = $meetingId)
WITH p, count(DISTINCT actorId) AS agreeing
WHERE agreeing = size($actorIds)
RETURN p {.id, .type, .title, .topics,
          summary: CASE WHEN $withSummary THEN p.summary END,
          sourceIds: CASE WHEN $withEvidence THEN p.sourceIds END,
          evidence: CASE WHEN $withEvidence THEN p.evidence END} AS position
ORDER BY p.title, p.id
SKIP $offset LIMIT $limit

// Positions that every one of $actorIds (distinct ids) agreed to (at $meetingId, when given).
// With $includeMembers an agreement by a member (a delegation, its head) counts for its group.
// Each actor's own agreements (and its members') are read once and counted per position: a
// position all of them reached is common ground. So the cost follows the actors' agreements,
// not the number of positions, and no position is checked again per actor (which read every
// agreement on it).
// Evidence, summary and topics only when asked ($withEvidence, $withSummary, $withTopics: the
// seed's summaries are paragraphs, half the bytes of a page of titles). Paged ($offset,
// $limit) in title order. Two actors without members: common-ground-of-pair.cypher.
UNWIND $actorIds AS actorId
MATCH (anchor:Actor {id: actorId})
// Without $includeMembers the anchor alone: CASE evaluates only the branch taken, so no
// membership path is expanded, and no subquery runs (a UNION subquery here cost a tenth of
// the query's CPU for two actors).
UNWIND CASE WHEN $includeMembers THEN [(member:Actor)-[:MEMBER_OF*0..3]->(anchor) | member] ELSE [anchor] END AS a
MATCH (a)-[r:AGREED_TO]->(p:Position)
WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE' AND ($meetingId IS NULL OR r.meetingId = $meetingId)
WITH p, count(DISTINCT actorId) AS agreeing
WHERE agreeing = size($actorIds)
// A tuple, not a map: the driver decodes no key names (half the bytes of a page of titles).
RETURN [p.id, p.type, p.title,
        CASE WHEN $withTopics THEN p.topics END,
        CASE WHEN $withSummary THEN p.summary END,
        CASE WHEN $withEvidence THEN p.sourceIds END,
        CASE WHEN $withEvidence THEN p.evidence END] AS position
ORDER BY p.title, p.id
SKIP $offset LIMIT $limit

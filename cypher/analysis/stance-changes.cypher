// The stances on the two sides of a comparison ("what changed between round 1 and round 2",
// or between two periods), one row per stance and the actor it counts for. Each side is a
// meeting ($fromMeetingId) or a date range ($fromStart..$fromEnd); the service classifies
// the pairs (actor, position) as new, not repeated, changed in kind or repeated. With
// $actorIds and $includeMembers, a member's stance counts for its group (Medinsky -> Russia).
// Retracted stances are not compared. Bounded by $maxRows.
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  AND ($positionIds IS NULL OR p.id IN $positionIds)
WITH a, r, p,
     CASE WHEN $fromMeetingId IS NOT NULL THEN coalesce(r.meetingId = $fromMeetingId, false)
          ELSE r.date IS NOT NULL AND ($fromStart IS NULL OR r.date >= date($fromStart)) AND ($fromEnd IS NULL OR r.date <= date($fromEnd))
     END AS inFrom,
     CASE WHEN $toMeetingId IS NOT NULL THEN coalesce(r.meetingId = $toMeetingId, false)
          ELSE r.date IS NOT NULL AND ($toStart IS NULL OR r.date >= date($toStart)) AND ($toEnd IS NULL OR r.date <= date($toEnd))
     END AS inTo
WHERE inFrom OR inTo
WITH a, r, p, inFrom, inTo,
     CASE WHEN $actorIds IS NULL OR a.id IN $actorIds THEN a
          WHEN $includeMembers THEN head(COLLECT { MATCH (a)-[:MEMBER_OF*1..3]->(g:Actor) WHERE g.id IN $actorIds RETURN g })
          ELSE null
     END AS holder
WHERE holder IS NOT NULL
RETURN holder.id AS actorId, holder.name AS actorName, p.id AS positionId, p.title AS positionTitle, inFrom, inTo,
       r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance
ORDER BY actorName, positionTitle, r.date, r.id
LIMIT $maxRows

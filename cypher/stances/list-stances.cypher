// The flat "who did what to which, per source" table. Every filter is optional (null = any).
// With $includeMembers, a stance by a member counts for its group (Medinsky -> Russian
// delegation -> Russia), up to three levels up.
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
WHERE ($kinds IS NULL OR type(r) IN $kinds)
  AND ($actorIds IS NULL OR a.id IN $actorIds
       OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(g:Actor) WHERE g.id IN $actorIds }))
  AND ($targetIds IS NULL OR EXISTS { MATCH (a)-[t:TARGETS]->(target:Actor) WHERE t.stanceId = r.id AND target.id IN $targetIds })
  AND ($positionIds IS NULL OR p.id IN $positionIds)
  AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
  AND ($meetingIds IS NULL OR r.meetingId IN $meetingIds)
  AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
  AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
WITH a, r, p ORDER BY r.date, a.name, type(r), p.title, r.id
WITH collect(r {.*, kind: type(r), actorId: a.id, positionId: p.id}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items

// Positions that every one of $actorIds agreed to (at $meetingId, when given). With
// $includeMembers an agreement by a member (a delegation, its head) counts for its group.
// Starts from the first actor's own agreements (and its members'), so the cost follows that
// actor's stances, not the number of positions. Paged ($offset, $limit) in title order.
MATCH (first:Actor {id: $actorIds[0]})
MATCH (a:Actor)-[:MEMBER_OF*0..3]->(first)
WHERE $includeMembers OR a = first
MATCH (a)-[r:AGREED_TO]->(p:Position)
WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE' AND ($meetingId IS NULL OR r.meetingId = $meetingId)
WITH DISTINCT p
WHERE all(actorId IN $actorIds[1..] WHERE EXISTS {
  MATCH (a:Actor)-[r:AGREED_TO]->(p)
  WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
    AND ($meetingId IS NULL OR r.meetingId = $meetingId)
    AND (a.id = actorId OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(:Actor {id: actorId}) }))
})
RETURN p {.id, .type, .title, .summary, .topics, .sourceIds, .evidence} AS position
ORDER BY p.title, p.id
SKIP $offset LIMIT $limit

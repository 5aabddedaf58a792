// Positions that every one of $actorIds agreed to (at $meetingId, when given). With
// $includeMembers an agreement by a member (a delegation, its head) counts for its group.
// Paged ($offset, $limit) in title order.
MATCH (p:Position)
WHERE all(actorId IN $actorIds WHERE EXISTS {
  MATCH (a:Actor)-[r:AGREED_TO]->(p)
  WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
    AND ($meetingId IS NULL OR r.meetingId = $meetingId)
    AND (a.id = actorId OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(:Actor {id: actorId}) }))
})
RETURN p {.id, .type, .title, .summary, .topics, .sourceIds, .evidence} AS position
ORDER BY p.title, p.id
SKIP $offset LIMIT $limit

// Positions that every one of $actorIds agreed to. With $includeMembers an agreement by a
// member (a delegation, its head) counts for the group it belongs to.
MATCH (p:Position)
WHERE all(actorId IN $actorIds WHERE EXISTS {
  MATCH (a:Actor)-[r:AGREED_TO]->(p)
  WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
    AND (a.id = actorId OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(:Actor {id: actorId}) }))
})
RETURN p {.*} AS position
ORDER BY p.title, p.id

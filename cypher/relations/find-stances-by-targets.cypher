// A page of the stances addressed to each actor (the actor is their target), keyed by the
// target's id, by date, actor and position; retracted stances are left out unless asked for.
// $offset and $limit apply per target, so each actor's page is cut in the database (a top-N
// per actor) however many stances are addressed to it.
UNWIND $ids AS id
MATCH (target:Actor {id: id})
CALL (target) {
  MATCH (target)<-[t:TARGETS]-(a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
  WHERE r.id = t.stanceId
    AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
  RETURN a, r, p ORDER BY r.date, a.name, p.title, r.id SKIP $offset LIMIT $limit
}
RETURN id AS key, r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

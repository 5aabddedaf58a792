// Stances addressed to each actor (the actor is their target), keyed by the target's id;
// retracted stances are left out unless asked for.
UNWIND $ids AS id
MATCH (target:Actor {id: id})<-[t:TARGETS]-(a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
WHERE r.id = t.stanceId
  AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
RETURN id AS key, r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance
ORDER BY id, r.date, a.name, p.title

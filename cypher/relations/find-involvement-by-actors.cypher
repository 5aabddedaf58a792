// The positions that involve each actor, with the actor's role, keyed by the actor id.
UNWIND $ids AS id
MATCH (p:Position)-[i:INVOLVES]->(a:Actor {id: id})
RETURN id AS key, i {.role, .sourceIds, .evidence, positionId: p.id, actorId: a.id} AS involvement
ORDER BY id, p.title, i.role

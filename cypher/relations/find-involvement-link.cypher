// One involvement edge (position, actor, role), for the curation API to merge sources into.
MATCH (p:Position {id: $positionId})-[i:INVOLVES {role: $role}]->(a:Actor {id: $actorId})
RETURN i {.role, .sourceIds, .evidence, positionId: p.id, actorId: a.id} AS involvement

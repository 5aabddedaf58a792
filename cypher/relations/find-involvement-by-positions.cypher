// The actors each position involves, with their role, keyed by the position id.
UNWIND $ids AS id
MATCH (p:Position {id: id})-[i:INVOLVES]->(a:Actor)
RETURN id AS key, i {.role, .sourceIds, .evidence, positionId: p.id, actorId: a.id} AS involvement
ORDER BY id, i.role, a.name

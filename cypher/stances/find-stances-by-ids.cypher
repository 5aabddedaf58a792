UNWIND $ids AS id
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: id}]->(p:Position)
RETURN r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

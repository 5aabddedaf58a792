// Reads a stance for a change and holds its write lock until the transaction ends (see
// lock-node).
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: $id}]->(p:Position)
SET r.`__lock` = true
REMOVE r.`__lock`
RETURN r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

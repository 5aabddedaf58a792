// Batch (retracted stances included; resolvers filter them) for Position.proposedBy / rejectedBy / agreedBy / consideredBy. Each key is
// {positionId, kind}.
UNWIND $keys AS key
MATCH (a:Actor)-[r]->(p:Position {id: key.positionId})
WHERE type(r) = key.kind
RETURN key.positionId + '|' + key.kind AS key, r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance
ORDER BY r.date, a.name, r.id

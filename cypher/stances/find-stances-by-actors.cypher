// Batch (retracted stances included; resolvers filter them) for Actor.proposed / rejected / agreedTo / considering: one round trip for all the
// actors of a request. Each key is {actorId, kind}.
UNWIND $keys AS key
MATCH (a:Actor {id: key.actorId})-[r]->(p:Position)
WHERE type(r) = key.kind
RETURN key.actorId + '|' + key.kind AS key, r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance
ORDER BY r.date, p.title, r.id

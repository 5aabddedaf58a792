// A new stance edge. Its type is the stance kind (checked against the enum before). The
// per-type unique constraints on the id turn a duplicate into a CONFLICT.
MATCH (a:Actor {id: $row.actorId})
MATCH (p:Position {id: $row.positionId})
CREATE (a)-[r:$($row.kind) {id: $row.id}]->(p)
SET r += $row.props,
    r.date = CASE WHEN $row.date IS NULL THEN null ELSE date($row.date) END,
    r.status = 'ACTIVE', r.recordedAt = datetime($now), r.recordedBy = $recordedBy
RETURN r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

// INVOLVES edges, Position -> Actor: who a position involves and in what role (the party
// that must act, a participant of a proposed meeting...). One edge per position, actor and
// role, as for attendance.
UNWIND $rows AS row
MATCH (p:Position {id: row.positionId})
MATCH (a:Actor {id: row.actorId})
MERGE (p)-[r:INVOLVES {role: row.props.role}]->(a)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

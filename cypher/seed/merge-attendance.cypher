// One edge per actor, meeting and role (a state may both host and mediate).
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (m:Meeting {id: row.meetingId})
MERGE (a)-[r:ATTENDED {role: row.props.role}]->(m)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

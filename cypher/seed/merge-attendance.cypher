UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (m:Meeting {id: row.meetingId})
MERGE (a)-[r:ATTENDED]->(m)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

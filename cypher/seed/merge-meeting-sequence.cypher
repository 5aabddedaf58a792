UNWIND $rows AS row
MATCH (m:Meeting {id: row.meetingId})
MATCH (previous:Meeting {id: row.followsMeetingId})
MERGE (m)-[r:FOLLOWS]->(previous)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

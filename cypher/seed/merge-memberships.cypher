UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (g:Actor {id: row.groupId})
MERGE (a)-[r:MEMBER_OF]->(g)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (d:Document {id: row.documentId})
MERGE (a)-[r:AUTHORED]->(d)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MATCH (p:Position {id: row.positionId})
MERGE (d)-[r:CONTAINS]->(p)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props

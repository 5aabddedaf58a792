UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.recordedAt = datetime($now), a.recordedBy = $recordedBy
SET a += row.props

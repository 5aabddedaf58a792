UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.recordedAt = datetime($now), d.recordedBy = $recordedBy
SET d += row.props

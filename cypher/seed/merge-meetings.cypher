UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
ON CREATE SET m.recordedAt = datetime($now), m.recordedBy = $recordedBy
SET m += row.props,
    m.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END

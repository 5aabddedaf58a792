UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.recordedAt = datetime($now), s.recordedBy = $recordedBy
SET s += row.props,
    s.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END

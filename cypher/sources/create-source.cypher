// A new source; see create-actor for why CREATE.
CREATE (n:Source {id: $row.id})
SET n += $row.props,
    n.publishedAt = CASE WHEN $row.publishedAt IS NULL THEN null ELSE date($row.publishedAt) END,
    n.recordedAt = datetime($now), n.recordedBy = $recordedBy
RETURN n {.*} AS node

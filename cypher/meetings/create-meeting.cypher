// A new meeting; see create-actor for why CREATE.
CREATE (n:Meeting {id: $row.id})
SET n += $row.props,
    n.date = CASE WHEN $row.date IS NULL THEN null ELSE date($row.date) END,
    n.recordedAt = datetime($now), n.recordedBy = $recordedBy
RETURN n {.*} AS node

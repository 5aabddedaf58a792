// A new document; see create-actor for why CREATE.
CREATE (n:Document {id: $row.id})
SET n += $row.props, n.recordedAt = datetime($now), n.recordedBy = $recordedBy
RETURN n {.*} AS node

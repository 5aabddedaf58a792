// A new actor. CREATE, not MERGE: the unique constraint on Actor.id turns a second creation
// of the same id (even a concurrent one) into a constraint error, reported as CONFLICT.
CREATE (n:Actor {id: $row.id})
SET n += $row.props, n.recordedAt = datetime($now), n.recordedBy = $recordedBy
RETURN n {.*} AS node

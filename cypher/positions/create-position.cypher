// A new position, labelled Position plus its type (Demand, Proposal or Concession, checked
// against the enum before); see create-actor for why CREATE.
CREATE (n:Position {id: $row.id})
SET n += $row.props, n:$($typeLabel), n.recordedAt = datetime($now), n.recordedBy = $recordedBy
RETURN n {.*} AS node

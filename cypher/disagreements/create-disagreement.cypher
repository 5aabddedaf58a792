// A new disagreement with CONCERNS edges to what it is about (all checked to exist before);
// see create-actor for why CREATE.
CREATE (d:Disagreement {id: $row.id})
SET d += $row.props, d.recordedAt = datetime($now), d.recordedBy = $recordedBy
WITH d
CALL (d) {
  UNWIND $row.concerns AS concernId
  CALL (concernId) {
    MATCH (n:Actor {id: concernId}) RETURN n
    UNION
    MATCH (n:Meeting {id: concernId}) RETURN n
    UNION
    MATCH (n:Position {id: concernId}) RETURN n
    UNION
    MATCH (n:Document {id: concernId}) RETURN n
    UNION
    MATCH (n:Source {id: concernId}) RETURN n
  }
  CREATE (d)-[r:CONCERNS]->(n)
  SET r.sourceIds = $row.props.versionSourceIds, r.evidence = $row.props.versionQuotes,
      r.recordedAt = datetime($now), r.recordedBy = $recordedBy
}
RETURN d {.*, concernIds: [(d)-[:CONCERNS]->(n) | n.id]} AS disagreement

// A disagreement node with each source's version as parallel lists, and CONCERNS edges to
// what it is about (replaced, so a corrected dataset leaves no stale links).
UNWIND $rows AS row
MERGE (d:Disagreement {id: row.id})
ON CREATE SET d.recordedAt = datetime($now), d.recordedBy = $recordedBy
SET d += row.props
WITH d, row
CALL (d, row) {
  OPTIONAL MATCH (d)-[old:CONCERNS]->(n)
  WHERE NOT n.id IN row.concerns
  DELETE old
}
CALL (d, row) {
  UNWIND row.concerns AS concernId
  // Look in each label through its unique-id index rather than scanning every node.
  CALL (concernId) {
    MATCH (n:Actor {id: concernId}) RETURN n
    UNION MATCH (n:Meeting {id: concernId}) RETURN n
    UNION MATCH (n:Position {id: concernId}) RETURN n
    UNION MATCH (n:Document {id: concernId}) RETURN n
    UNION MATCH (n:Source {id: concernId}) RETURN n
  }
  MERGE (d)-[r:CONCERNS]->(n)
  ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
  SET r.sourceIds = row.props.versionSourceIds, r.evidence = row.props.versionQuotes
}

// Who changed a node last, and when (recordedAt/recordedBy keep when it entered the graph).
CALL () {
  MATCH (n:Actor {id: $id}) WHERE $label = 'Actor' RETURN n
  UNION
  MATCH (n:Meeting {id: $id}) WHERE $label = 'Meeting' RETURN n
  UNION
  MATCH (n:Position {id: $id}) WHERE $label = 'Position' RETURN n
  UNION
  MATCH (n:Document {id: $id}) WHERE $label = 'Document' RETURN n
  UNION
  MATCH (n:Source {id: $id}) WHERE $label = 'Source' RETURN n
}
SET n.updatedAt = datetime($now), n.updatedBy = $updatedBy
RETURN n {.*} AS node

// Reads a node for an update and takes its write lock until the transaction ends (setting a
// property locks the node; removing it again leaves no trace), so two concurrent updates of
// the same node cannot both compute from the old state and overwrite each other.
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
SET n.`__lock` = true
REMOVE n.`__lock`
RETURN n {.*} AS node

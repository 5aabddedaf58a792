// Which of the given ids exist, and as what kind of item: for reference checks ("the actor
// must exist") and duplicate checks before a create. One index seek per id and label.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Actor {id: id}) RETURN 'actor' AS kind
  UNION
  MATCH (:Meeting {id: id}) RETURN 'meeting' AS kind
  UNION
  MATCH (:Position {id: id}) RETURN 'position' AS kind
  UNION
  MATCH (:Document {id: id}) RETURN 'document' AS kind
  UNION
  MATCH (:Source {id: id}) RETURN 'source' AS kind
  UNION
  MATCH (:Disagreement {id: id}) RETURN 'disagreement' AS kind
  UNION
  MATCH ()-[:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: id}]->() RETURN 'stance' AS kind
}
RETURN id, kind

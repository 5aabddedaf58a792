// Which of the given ids exist, and as what kind of item: for reference checks ("the actor
// must exist") and duplicate checks before a create. One index seek per id and label; the
// hints keep the plan the same whatever the graph held when it was first compiled (a plan
// cached while a relationship type had no rows once scanned every stance for each id).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) USING INDEX n:Actor(id) RETURN 'actor' AS kind
  UNION
  MATCH (n:Meeting {id: id}) USING INDEX n:Meeting(id) RETURN 'meeting' AS kind
  UNION
  MATCH (n:Position {id: id}) USING INDEX n:Position(id) RETURN 'position' AS kind
  UNION
  MATCH (n:Document {id: id}) USING INDEX n:Document(id) RETURN 'document' AS kind
  UNION
  MATCH (n:Source {id: id}) USING INDEX n:Source(id) RETURN 'source' AS kind
  UNION
  MATCH (n:Disagreement {id: id}) USING INDEX n:Disagreement(id) RETURN 'disagreement' AS kind
  UNION
  MATCH ()-[r:PROPOSED {id: id}]->() USING INDEX r:PROPOSED(id) RETURN 'stance' AS kind
  UNION
  MATCH ()-[r:REJECTED {id: id}]->() USING INDEX r:REJECTED(id) RETURN 'stance' AS kind
  UNION
  MATCH ()-[r:AGREED_TO {id: id}]->() USING INDEX r:AGREED_TO(id) RETURN 'stance' AS kind
  UNION
  MATCH ()-[r:CONSIDERING {id: id}]->() USING INDEX r:CONSIDERING(id) RETURN 'stance' AS kind
}
RETURN id, kind

// CONTAINS edges from the given documents: a page ($offset, $limit per document) of the
// positions each document puts forward, by title.
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  MATCH (d)-[r:CONTAINS]->(p:Position)
  RETURN p, r ORDER BY p.title, p.id SKIP $offset LIMIT $limit
}
RETURN r {.sourceIds, .evidence, documentId: d.id, positionId: p.id} AS content

// A page of the documents each given actor authored ($offset, $limit per actor), by title.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[r:AUTHORED]->(d:Document)
  RETURN d, r ORDER BY d.title, d.id SKIP $offset LIMIT $limit
}
RETURN r {.sourceIds, .evidence, actorId: a.id, documentId: d.id} AS authorship

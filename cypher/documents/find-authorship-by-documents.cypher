// A page of the authors of each given document ($offset, $limit per document), by name.
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  MATCH (a:Actor)-[r:AUTHORED]->(d)
  RETURN a, r ORDER BY a.name, a.id SKIP $offset LIMIT $limit
}
RETURN r {.sourceIds, .evidence, actorId: a.id, documentId: d.id} AS authorship

// CONTAINS edges into the given positions: a page ($offset, $limit per position) of the
// documents that put each position forward, by title.
UNWIND $ids AS id
MATCH (p:Position {id: id})
CALL (p) {
  MATCH (d:Document)-[r:CONTAINS]->(p)
  RETURN d, r ORDER BY d.title, d.id SKIP $offset LIMIT $limit
}
RETURN r {.sourceIds, .evidence, documentId: d.id, positionId: p.id} AS content

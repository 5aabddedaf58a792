// Batch: a page ($offset, $limit per node) of the disagreements about each given node.
UNWIND $ids AS id
CALL (id) {
  MATCH (d:Disagreement)-[:CONCERNS]->(n {id: id})
  RETURN DISTINCT d ORDER BY d.id SKIP $offset LIMIT $limit
}
RETURN id AS key, d {.id, .summary, .versionSourceIds, .versionClaims, .versionQuotes, concernIds: COLLECT { MATCH (d)-[:CONCERNS]->(n) RETURN n.id ORDER BY n.id LIMIT 100 }} AS disagreement

// A page of the actors each position involves, with their role, keyed by the position id: by
// role, then actor name; $role (or null) filters, and $offset and $limit apply per position,
// so each position's page is cut in the database however many actors it involves.
UNWIND $ids AS id
MATCH (p:Position {id: id})
CALL (p) {
  MATCH (p)-[i:INVOLVES]->(a:Actor)
  WHERE $role IS NULL OR i.role = $role
  RETURN a, i ORDER BY i.role, a.name, a.id SKIP $offset LIMIT $limit
}
RETURN id AS key, i {.role, .sourceIds, .evidence, positionId: p.id, actorId: a.id} AS involvement

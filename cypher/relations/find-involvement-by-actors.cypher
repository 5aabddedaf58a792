// A page of the positions that involve each actor, with the actor's role, keyed by the actor
// id: by position title, then role; $role (or null) filters, and $offset and $limit apply per
// actor, so each actor's page is cut in the database however many positions involve it.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (p:Position)-[i:INVOLVES]->(a)
  WHERE $role IS NULL OR i.role = $role
  RETURN p, i ORDER BY p.title, i.role, p.id SKIP $offset LIMIT $limit
}
RETURN id AS key, i {.role, .sourceIds, .evidence, positionId: p.id, actorId: a.id} AS involvement

// A page of who attended each given meeting ($offset, $limit per meeting), by role and name.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  MATCH (a:Actor)-[r:ATTENDED]->(m)
  RETURN a, r ORDER BY r.role, a.name, a.id SKIP $offset LIMIT $limit
}
RETURN r {.role, .sourceIds, .evidence, actorId: a.id, meetingId: m.id} AS attendance

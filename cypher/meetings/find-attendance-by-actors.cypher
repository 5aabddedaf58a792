// A page of the meetings each given actor attended ($offset, $limit per actor), by date.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[r:ATTENDED]->(m:Meeting)
  RETURN m, r ORDER BY m.date, m.id SKIP $offset LIMIT $limit
}
RETURN r {.role, .sourceIds, .evidence, actorId: a.id, meetingId: m.id} AS attendance

UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:ATTENDED]->(m:Meeting)
RETURN r {.*, actorId: a.id, meetingId: m.id} AS attendance
ORDER BY m.date

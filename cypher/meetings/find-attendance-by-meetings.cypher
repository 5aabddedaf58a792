UNWIND $ids AS id
MATCH (a:Actor)-[r:ATTENDED]->(m:Meeting {id: id})
RETURN r {.*, actorId: a.id, meetingId: m.id} AS attendance
ORDER BY r.role, a.name

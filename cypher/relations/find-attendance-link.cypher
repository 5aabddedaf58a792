// One attendance edge (actor, meeting, role), for the curation API to merge sources into.
MATCH (a:Actor {id: $actorId})-[r:ATTENDED {role: $role}]->(m:Meeting {id: $meetingId})
RETURN r {.*, actorId: a.id, meetingId: m.id} AS attendance

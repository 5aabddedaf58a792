// Batch (retracted stances included; resolvers filter them) for Meeting.stances: every stance taken at the given meetings.
UNWIND $ids AS id
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
WHERE r.meetingId = id
RETURN id AS key, r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance
ORDER BY a.name, type(r), p.title, r.id

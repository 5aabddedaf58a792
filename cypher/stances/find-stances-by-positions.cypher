// Position.proposedBy / rejectedBy / agreedBy / consideredBy for all the positions of a
// request in one round trip. Each key is {positionId, kind, includeRetracted, meetingId};
// typed expand, ordered and cut ($offset, $limit) per key in the database.
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (p:Position {id: key.positionId})
CALL (key, p) {
  CALL (key, p) {
    WITH * WHERE key.kind = 'PROPOSED'
    MATCH (a:Actor)-[r:PROPOSED]->(p)
    RETURN a, r
    UNION ALL
    WITH * WHERE key.kind = 'REJECTED'
    MATCH (a:Actor)-[r:REJECTED]->(p)
    RETURN a, r
    UNION ALL
    WITH * WHERE key.kind = 'AGREED_TO'
    MATCH (a:Actor)-[r:AGREED_TO]->(p)
    RETURN a, r
    UNION ALL
    WITH * WHERE key.kind = 'CONSIDERING'
    MATCH (a:Actor)-[r:CONSIDERING]->(p)
    RETURN a, r
  }
  WITH a, r
  WHERE (key.includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    AND (key.meetingId IS NULL OR r.meetingId = key.meetingId)
  RETURN a, r ORDER BY r.date, a.name, r.id SKIP $offset LIMIT $limit
}
RETURN i AS key, r {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(r), actorId: a.id, positionId: p.id} AS stance

// Actor.proposed / rejected / agreedTo / considering for all the actors of a request in one
// round trip. Each key is {actorId, kind, includeRetracted, meetingId}; the window ($offset,
// $limit) applies per key. The expand is typed (only the asked kind's edges are read) and
// each key's list is ordered and cut in the database, so an actor with 30,000 stances still
// sends one page.
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:Actor {id: key.actorId})
CALL (key, a) {
  CALL (key, a) {
    WITH * WHERE key.kind = 'PROPOSED'
    MATCH (a)-[r:PROPOSED]->(p:Position)
    RETURN r, p
    UNION ALL
    WITH * WHERE key.kind = 'REJECTED'
    MATCH (a)-[r:REJECTED]->(p:Position)
    RETURN r, p
    UNION ALL
    WITH * WHERE key.kind = 'AGREED_TO'
    MATCH (a)-[r:AGREED_TO]->(p:Position)
    RETURN r, p
    UNION ALL
    WITH * WHERE key.kind = 'CONSIDERING'
    MATCH (a)-[r:CONSIDERING]->(p:Position)
    RETURN r, p
  }
  WITH r, p
  WHERE (key.includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    AND (key.meetingId IS NULL OR r.meetingId = key.meetingId)
  RETURN r, p ORDER BY r.date, p.title, r.id SKIP $offset LIMIT $limit
}
RETURN i AS key, r {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(r), actorId: a.id, positionId: p.id} AS stance

// Meeting.stances for all the meetings of a request in one round trip. Each key is
// {meetingId, kind (null = every kind), includeRetracted}. Each kind is found through its
// relationship index on meetingId (no scan of every stance), then ordered and cut ($offset,
// $limit) per key in the database.
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  CALL (key) {
    WITH * WHERE key.kind IS NULL OR key.kind = 'PROPOSED'
    MATCH (a:Actor)-[r:PROPOSED]->(p:Position)
    USING INDEX r:PROPOSED(meetingId)
    WHERE r.meetingId = key.meetingId
    RETURN a, r, p
    UNION ALL
    WITH * WHERE key.kind IS NULL OR key.kind = 'REJECTED'
    MATCH (a:Actor)-[r:REJECTED]->(p:Position)
    USING INDEX r:REJECTED(meetingId)
    WHERE r.meetingId = key.meetingId
    RETURN a, r, p
    UNION ALL
    WITH * WHERE key.kind IS NULL OR key.kind = 'AGREED_TO'
    MATCH (a:Actor)-[r:AGREED_TO]->(p:Position)
    USING INDEX r:AGREED_TO(meetingId)
    WHERE r.meetingId = key.meetingId
    RETURN a, r, p
    UNION ALL
    WITH * WHERE key.kind IS NULL OR key.kind = 'CONSIDERING'
    MATCH (a:Actor)-[r:CONSIDERING]->(p:Position)
    USING INDEX r:CONSIDERING(meetingId)
    WHERE r.meetingId = key.meetingId
    RETURN a, r, p
  }
  WITH a, r, p
  WHERE key.includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  RETURN a, r, p ORDER BY a.name, type(r), p.title, r.id SKIP $offset LIMIT $limit
}
RETURN i AS key, r {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(r), actorId: a.id, positionId: p.id} AS stance

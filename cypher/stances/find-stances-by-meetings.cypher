// Meeting.stances for all the meetings of a request in one round trip. Each key is
// {meetingId, kind (null = every kind), includeRetracted}. Each kind is found through its
// relationship index on meetingId (no scan of every stance), then ordered and cut ($offset,
// $limit) per key in the database.
// Look-ahead (from the client's selection, src/stances/stance-lookahead.ts): of each stance its
// ids and the properties in $stanceKeys only (quotes only when asked); the actor, position,
// meeting and sources of each row in this same query when their property lists ($actorKeys,
// ...; null = not asked) are given, as lists of exactly those properties. Dates come as
// strings, as the API serves them.
// Each stance travels as a tuple [id, kind, actorId, positionId, properties, actor, position,
// meeting, sources] (src/stances/stance-tuple.ts reads it), and a page as one list: the driver
// then decodes one record per list instead of one map per stance, about half the client CPU of
// a 75-stance answer. Nothing is read twice or unasked: the actor's and position's ids are in
// the tuple, not in their property lists ($actorKeys, $positionKeys name the other properties),
// a source's id is the one the stance names, and the meeting id is a stance property like the
// others, read when `meeting` is asked ($stanceKeys).
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
// One row per key: its page as a list of stance tuples, in page order.
RETURN i AS key,
       collect([r.id, type(r), a.id, p.id,
               [property IN $stanceKeys | CASE property WHEN 'date' THEN toString(r.date) ELSE r[property] END],
               CASE WHEN $actorKeys IS NOT NULL THEN [property IN $actorKeys | a[property]] END,
               CASE WHEN $positionKeys IS NOT NULL THEN [property IN $positionKeys | p[property]] END,
               CASE WHEN $meetingKeys IS NOT NULL AND r.meetingId IS NOT NULL THEN COLLECT {
                 MATCH (m:Meeting {id: r.meetingId}) RETURN [property IN $meetingKeys | m[property]]
               }[0] END,
               CASE WHEN $sourceKeys IS NOT NULL THEN COLLECT {
                 UNWIND coalesce(r.sourceIds, []) AS sourceId
                 OPTIONAL MATCH (s:Source {id: sourceId})
                 RETURN CASE WHEN s IS NULL THEN sourceId ELSE [property IN $sourceKeys | CASE property WHEN 'id' THEN sourceId ELSE s[property] END] END
               } END]) AS stances

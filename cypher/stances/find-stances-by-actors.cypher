// Actor.proposed / rejected / agreedTo / considering for all the actors of a request in one
// round trip. Each key is {actorId, kind, includeRetracted, meetingId}; the window ($offset,
// $limit) applies per key. The expand is typed (only the asked kind's edges are read) and
// each key's list is ordered and cut in the database, so an actor with 30,000 stances still
// sends one page.
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
// One row per key with stances: its page as a list of stance tuples, in page order, and with
// $withParents the actor itself with every property the API exposes (as find-actors-by-ids
// returns it), so actor(id) / position(id) and their lists cost one query.
WITH i, a,
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
// The parent is projected after the aggregation, not grouped on: grouping on a map of all its
// properties cost more than the rest of the query.
RETURN i AS key, CASE WHEN $withParents THEN a {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence} END AS parent, stances

// Position.proposedBy / rejectedBy / agreedBy / consideredBy when every position of a loader
// batch asks the same kinds with the same filters: one row per position, one list per kind,
// as stance-lists-of-actors.cypher does for actors (see there). The batch query for any mix of
// keys is find-stances-by-positions.cypher.
//
// Its tuples leave out the kind and the position's id, which are the list's and the row's (the
// reader fills them in). As written, the file asks for the PROPOSED list only; the service writes the block
// `COLLECT { ... } AS PROPOSED` once per asked kind (src/stances/written-out-projection.ts).
UNWIND $ids AS id
MATCH (p:Position {id: id})
RETURN id AS key,
       CASE WHEN $withParents THEN p {.id, .type, .title, .summary, .topics, .sourceIds, .evidence} END AS parent,
       COLLECT {
         MATCH (a:Actor)-[r:PROPOSED]->(p)
         WHERE ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
           AND ($meetingId IS NULL OR r.meetingId = $meetingId)
         WITH a, r, p ORDER BY r.date, a.name, r.id SKIP $offset LIMIT $limit
         RETURN [r.id, null, a.id, null,
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
                 } END]
       } AS PROPOSED

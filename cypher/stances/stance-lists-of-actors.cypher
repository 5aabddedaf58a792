// Actor.proposed / rejected / agreedTo / considering when every actor of a loader batch asks
// the same kinds with the same filters (`actor(id) { proposed rejected agreedTo }`, a page of
// actors each with its lists): one row per actor, with one list per kind, each read by a
// COLLECT subquery of its own. The batch query for any mix of keys is
// find-stances-by-actors.cypher; for this common shape this one costs Neo4j about a fifth less
// (the actor with three lists of 25 on the benchmark's graph: 3.6 → 2.9 ms of server time).
//
// As written, the file asks for the PROPOSED list only (so it runs, and is checked, as it is).
// The service writes the block `COLLECT { ... } AS PROPOSED` once per asked kind, with the kind
// in place of PROPOSED (src/stances/written-out-projection.ts): the kinds are part of the text,
// as a guarded subquery (`CASE WHEN 'REJECTED' IN $kinds THEN COLLECT {...} END`) is read
// whether asked or not.
//
// Each list: typed expand, filtered, ordered and cut in the database, its stances as tuples
// (src/stances/stance-tuple.ts) with what the look-ahead asks, as in
// find-stances-by-actors.cypher but for the kind and the actor's id, which are the list's and
// the row's: the reader fills them in (StanceRepository.listsByKinds). An actor without stances still has its row (empty lists), so
// with $withParents it comes back too and needs no lookup of its own.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN id AS key,
       CASE WHEN $withParents THEN a {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence} END AS parent,
       COLLECT {
         MATCH (a)-[r:PROPOSED]->(p:Position)
         WHERE ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
           AND ($meetingId IS NULL OR r.meetingId = $meetingId)
         WITH a, r, p ORDER BY r.date, p.title, r.id SKIP $offset LIMIT $limit
         RETURN [r.id, null, null, p.id,
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

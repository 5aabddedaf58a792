// The stance table narrowed by actors, positions, meetings or targets: it starts from what is
// given (the actors and, with $includeMembers, their members up to three levels down; else the
// positions; else each kind's meetingId index; else the TARGETS edges of the actors addressed) so its cost follows those items' stances, not
// the size of the graph. Every other filter applies after; the matches are few enough to
// count and cut here in one query.
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
CALL () {
  WITH * WHERE $actorIds IS NOT NULL
  MATCH (a:Actor)-[:MEMBER_OF*0..3]->(g:Actor)
  WHERE g.id IN $actorIds AND ($includeMembers OR a = g)
  WITH DISTINCT a
  MATCH (a)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
  RETURN a, r, p
  UNION ALL
  WITH * WHERE $actorIds IS NULL AND $positionIds IS NOT NULL
  MATCH (p:Position) WHERE p.id IN $positionIds
  MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p)
  RETURN a, r, p
  UNION ALL
  WITH * WHERE $actorIds IS NULL AND $positionIds IS NULL AND $meetingIds IS NOT NULL
  CALL () {
    WITH * WHERE $actorIds IS NULL AND $positionIds IS NULL
    MATCH (a:Actor)-[r:PROPOSED]->(p:Position)
    USING INDEX r:PROPOSED(meetingId)
    WHERE r.meetingId IN $meetingIds
    RETURN a, r, p
    UNION ALL
    WITH * WHERE $actorIds IS NULL AND $positionIds IS NULL
    MATCH (a:Actor)-[r:REJECTED]->(p:Position)
    USING INDEX r:REJECTED(meetingId)
    WHERE r.meetingId IN $meetingIds
    RETURN a, r, p
    UNION ALL
    WITH * WHERE $actorIds IS NULL AND $positionIds IS NULL
    MATCH (a:Actor)-[r:AGREED_TO]->(p:Position)
    USING INDEX r:AGREED_TO(meetingId)
    WHERE r.meetingId IN $meetingIds
    RETURN a, r, p
    UNION ALL
    WITH * WHERE $actorIds IS NULL AND $positionIds IS NULL
    MATCH (a:Actor)-[r:CONSIDERING]->(p:Position)
    USING INDEX r:CONSIDERING(meetingId)
    WHERE r.meetingId IN $meetingIds
    RETURN a, r, p
  }
  RETURN a, r, p
  UNION ALL
  // Else from the actors addressed: each TARGETS edge names its stance.
  WITH * WHERE $actorIds IS NULL AND $positionIds IS NULL AND $meetingIds IS NULL AND $targetIds IS NOT NULL
  MATCH (target:Actor)<-[t:TARGETS]-(a:Actor)
  WHERE target.id IN $targetIds
  WITH a, collect(DISTINCT t.stanceId) AS stanceIds
  MATCH (a)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
  WHERE r.id IN stanceIds
  RETURN a, r, p
}
WITH a, r, p
WHERE ($kinds IS NULL OR type(r) IN $kinds)
  AND ($positionIds IS NULL OR p.id IN $positionIds)
  AND ($meetingIds IS NULL OR r.meetingId IN $meetingIds)
  AND ($targetIds IS NULL OR EXISTS { MATCH (a)-[t:TARGETS]->(target:Actor) WHERE t.stanceId = r.id AND target.id IN $targetIds })
  AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
  AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
  AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
WITH a, r, p ORDER BY r.date, a.name, type(r), p.title, r.id
WITH collect({a: a, r: r, p: p}) AS matches
WITH size(matches) AS total, matches[$offset..$offset + $limit] AS page
// One row: the total and the page as a list of stance tuples, in page order (one row even
// when the page is empty: the subquery aggregates).
CALL (page) {
  UNWIND page AS match
  WITH match.a AS a, match.r AS r, match.p AS p
  RETURN collect([r.id, type(r), a.id, p.id,
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
}
RETURN total, stances

// The flat "who did what to which, per source" table when no actor, position or meeting
// narrows it (list-stances-anchored handles those). Each asked kind is read in date order
// from its relationship index on `date` (typed expand), filtered, and cut to offset + limit
// before the kinds are merged: a page costs about the same however many stances the graph
// holds. Undated stances sort last; they are read only when the dated ones cannot fill the
// page and no date range is asked. $fromDate/$toDate are always set (the repository passes
// the widest range when the filter has none). The total comes from count-stances.
// Each kind's read sits in its own uncorrelated subquery behind a guard on the kind: the
// planner then plans it alone and runs it only for the kinds asked. The `date` index is
// named (USING INDEX): left to choose, the planner picked this plan or a scan of every
// stance depending on the statistics when the query was first planned (a cached plan made
// while the graph was small or differently shaped is kept), so a page cost 3,000 db hits in
// one run and 78,000 in another on the same 50,000-stance graph.
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
UNWIND coalesce($kinds, ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING']) AS kind
CALL (kind) {
  WITH kind WHERE kind = 'PROPOSED'
  CALL () {
    MATCH (a:Actor)-[r:PROPOSED]->(p:Position)
    USING INDEX r:PROPOSED(date)
    WHERE r.date >= date($fromDate) AND r.date <= date($toDate)
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    RETURN a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $offset + $limit
  }
  RETURN a, r, p
  UNION ALL
  WITH kind WHERE kind = 'REJECTED'
  CALL () {
    MATCH (a:Actor)-[r:REJECTED]->(p:Position)
    USING INDEX r:REJECTED(date)
    WHERE r.date >= date($fromDate) AND r.date <= date($toDate)
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    RETURN a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $offset + $limit
  }
  RETURN a, r, p
  UNION ALL
  WITH kind WHERE kind = 'AGREED_TO'
  CALL () {
    MATCH (a:Actor)-[r:AGREED_TO]->(p:Position)
    USING INDEX r:AGREED_TO(date)
    WHERE r.date >= date($fromDate) AND r.date <= date($toDate)
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    RETURN a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $offset + $limit
  }
  RETURN a, r, p
  UNION ALL
  WITH kind WHERE kind = 'CONSIDERING'
  CALL () {
    MATCH (a:Actor)-[r:CONSIDERING]->(p:Position)
    USING INDEX r:CONSIDERING(date)
    WHERE r.date >= date($fromDate) AND r.date <= date($toDate)
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    RETURN a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $offset + $limit
  }
  RETURN a, r, p
}
WITH collect({a: a, r: r, p: p}) AS dated
CALL (dated) {
  UNWIND dated AS row
  RETURN row
  UNION ALL
  WITH dated WHERE size(dated) < $offset + $limit AND $from IS NULL AND $to IS NULL
  UNWIND coalesce($kinds, ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING']) AS kind
  CALL (kind) {
  WITH kind WHERE kind = 'PROPOSED'
    CALL () {
      MATCH (a:Actor)-[r:PROPOSED]->(p:Position)
      WHERE r.date IS NULL
        AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
        AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
        AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
      RETURN a, r, p ORDER BY a.name, p.title, r.id LIMIT $offset + $limit
    }
    RETURN a, r, p
    UNION ALL
  WITH kind WHERE kind = 'REJECTED'
    CALL () {
      MATCH (a:Actor)-[r:REJECTED]->(p:Position)
      WHERE r.date IS NULL
        AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
        AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
        AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
      RETURN a, r, p ORDER BY a.name, p.title, r.id LIMIT $offset + $limit
    }
    RETURN a, r, p
    UNION ALL
  WITH kind WHERE kind = 'AGREED_TO'
    CALL () {
      MATCH (a:Actor)-[r:AGREED_TO]->(p:Position)
      WHERE r.date IS NULL
        AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
        AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
        AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
      RETURN a, r, p ORDER BY a.name, p.title, r.id LIMIT $offset + $limit
    }
    RETURN a, r, p
    UNION ALL
  WITH kind WHERE kind = 'CONSIDERING'
    CALL () {
      MATCH (a:Actor)-[r:CONSIDERING]->(p:Position)
      WHERE r.date IS NULL
        AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
        AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
        AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
      RETURN a, r, p ORDER BY a.name, p.title, r.id LIMIT $offset + $limit
    }
    RETURN a, r, p
  }
  RETURN {a: a, r: r, p: p} AS row
}
WITH row.a AS a, row.r AS r, row.p AS p
ORDER BY r.date, a.name, type(r), p.title, r.id
SKIP $offset LIMIT $limit
// One row: the page as a list of stance tuples, in page order.
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

// The "who did what to which, per source" table of /export/stances.*: one row per stance and
// reporting source. The stance filters are those of stances/list-stances (same parameters);
// with $sourceIds, only those sources' rows. No collect(): rows stream as they are found.
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
WHERE ($kinds IS NULL OR type(r) IN $kinds)
  AND ($actorIds IS NULL OR a.id IN $actorIds
       OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(g:Actor) WHERE g.id IN $actorIds }))
  AND ($targetIds IS NULL OR EXISTS { MATCH (a)-[t:TARGETS]->(target:Actor) WHERE t.stanceId = r.id AND target.id IN $targetIds })
  AND ($positionIds IS NULL OR p.id IN $positionIds)
  AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
  AND ($meetingIds IS NULL OR r.meetingId IN $meetingIds)
  AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
  AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
OPTIONAL MATCH (m:Meeting {id: r.meetingId})
// The stance's targets (whom it is addressed to), so each row is a source -> target dyad.
WITH a, r, p, m, COLLECT { MATCH (a)-[t:TARGETS]->(target:Actor) WHERE t.stanceId = r.id RETURN target ORDER BY target.name } AS targets
// A stance with no source should not exist; if one does, it still gets a row (source empty).
UNWIND CASE WHEN size(coalesce(r.sourceIds, [])) = 0 THEN [null] ELSE range(0, size(r.sourceIds) - 1) END AS i
WITH a, r, p, m, targets, i, r.sourceIds[i] AS sourceId
WHERE $sourceIds IS NULL OR sourceId IN $sourceIds
OPTIONAL MATCH (s:Source {id: sourceId})
RETURN r.id AS stance_id, type(r) AS kind,
       a.id AS actor_id, a.name AS actor, a.kind AS actor_kind,
       [target IN targets | target.id] AS target_ids, [target IN targets | target.name] AS targets,
       p.id AS position_id, p.title AS position, p.type AS position_type, p.topics AS topics,
       r.meetingId AS meeting_id, m.title AS meeting, m.round AS meeting_round, r.date AS date,
       sourceId AS source_id, s.publisher AS source_publisher, s.title AS source_title,
       s.publishedAt AS source_published_at, s.url AS source_url, r.evidence[i] AS evidence,
       r.ploverEvent AS plover_event, r.ploverMode AS plover_mode, r.ploverContext AS plover_context,
       r.cameo AS cameo, coalesce(r.status, 'ACTIVE') AS status, r.recordedAt AS recorded_at
ORDER BY r.date, a.name, type(r), p.title, r.id, i

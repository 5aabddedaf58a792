// Dated events in order: stances (of an actor and its members, on a topic) and the meetings
// the actor attended or where stances on the topic were taken. Undated events come last.
CALL () {
  MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
  WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
    AND ($actorId IS NULL OR a.id = $actorId
         OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(:Actor {id: $actorId}) }))
    AND ($topic IS NULL OR $topic IN p.topics)
  RETURN 'STANCE' AS kind, r.date AS date, r.id AS id, null AS meeting,
         r {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(r), actorId: a.id, positionId: p.id} AS stance
  UNION ALL
  MATCH (m:Meeting)
  WHERE ($actorId IS NULL OR EXISTS { MATCH (a:Actor)-[:ATTENDED]->(m)
           WHERE a.id = $actorId OR ($includeMembers AND EXISTS { MATCH (a)-[:MEMBER_OF*1..3]->(:Actor {id: $actorId}) }) })
    AND ($topic IS NULL OR EXISTS { MATCH (:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
           WHERE r.meetingId = m.id AND $topic IN p.topics })
  RETURN 'MEETING' AS kind, m.date AS date, m.id AS id, m {.id, .title, .kind, .round, .date, .startedAt, .endedAt, .durationMinutes, .venue, .city, .status, .sourceIds, .evidence} AS meeting, null AS stance
}
WITH kind, date, id, meeting, stance
WHERE ($from IS NULL OR date >= date($from)) AND ($to IS NULL OR date <= date($to))
RETURN kind, date, meeting, stance
ORDER BY date, CASE kind WHEN 'MEETING' THEN 0 ELSE 1 END, id
LIMIT $limit

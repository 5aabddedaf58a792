// PLOVER-shaped events for /export/plover.jsonl: every stance with a PLOVER event code, and
// every attendance (CONSULT), one row per event and reporting source, in date order.
//
// Recipients are "the other side". An actor's side is the states it belongs to (itself, its
// delegation's state, its head's state, via MEMBER_OF); an actor of no state is its own side.
// For a stance: those who hold the position (proposed it, or authored a document containing
// it), plus, for an agreement, the others who agreed to it; when the stance is the proposal
// itself, those who answered it. For an attendance: the other attendees. Actors on the
// stance-taker's side are never recipients. A stance whose sources name its targets (TARGETS
// edges) has exactly those as recipients: a real source -> target dyad, not an inference.
// Invitations and meetings that did not take place are no events.
CALL () {
  MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->(p:Position)
  WHERE r.ploverEvent IS NOT NULL
    AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    AND ($from IS NULL OR r.date >= date($from))
    AND ($to IS NULL OR r.date <= date($to))
  WITH a, r, p, [(a)-[:MEMBER_OF*0..3]->(state:Actor {kind: 'STATE'}) | state.id] AS sides
  WITH a, r, p, CASE WHEN size(sides) = 0 THEN [a.id] ELSE sides END AS sides
  WITH a, r, p, COLLECT {
    MATCH (o:Actor)
    WHERE o <> a
      AND CASE type(r)
            WHEN 'PROPOSED' THEN EXISTS { (o)-[x:REJECTED|AGREED_TO|CONSIDERING]->(p) WHERE coalesce(x.status, 'ACTIVE') = 'ACTIVE' }
            WHEN 'AGREED_TO' THEN EXISTS { (o)-[x:PROPOSED|AGREED_TO]->(p) WHERE coalesce(x.status, 'ACTIVE') = 'ACTIVE' }
                 OR EXISTS { (o)-[:AUTHORED]->(:Document)-[:CONTAINS]->(p) }
            ELSE EXISTS { (o)-[x:PROPOSED]->(p) WHERE coalesce(x.status, 'ACTIVE') = 'ACTIVE' }
                 OR EXISTS { (o)-[:AUTHORED]->(:Document)-[:CONTAINS]->(p) }
          END
      AND NOT o.id IN sides
      AND NOT any(s IN [(o)-[:MEMBER_OF*1..3]->(state:Actor {kind: 'STATE'}) | state.id] WHERE s IN sides)
    RETURN o {.id, .name} AS recipient ORDER BY o.name
  } AS inferred, COLLECT {
    MATCH (a)-[t:TARGETS]->(o:Actor) WHERE t.stanceId = r.id
    RETURN o {.id, .name} AS recipient ORDER BY o.name
  } AS targets
  WITH a, r, p, CASE WHEN size(targets) > 0 THEN targets ELSE inferred END AS recipients,
       CASE WHEN size(targets) > 0 THEN 'target' ELSE 'inferred' END AS recipientBasis
  RETURN type(r) AS edgeType, recipientBasis, r.id AS edgeId, r.date AS date, a AS actor, recipients,
         r.ploverEvent AS ploverEvent, r.ploverMode AS ploverMode, r.ploverContext AS ploverContext,
         r.cameo AS cameo, null AS role, p.id AS positionId, p.title AS positionTitle, r.meetingId AS meetingId,
         r.sourceIds AS sourceIds, r.evidence AS quotes
  UNION ALL
  MATCH (a:Actor)-[r:ATTENDED]->(m:Meeting)
  WHERE r.role <> 'INVITED' AND coalesce(m.status, 'HELD') = 'HELD'
    AND ($from IS NULL OR m.date >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  WITH a, r, m, [(a)-[:MEMBER_OF*0..3]->(state:Actor {kind: 'STATE'}) | state.id] AS sides
  WITH a, r, m, CASE WHEN size(sides) = 0 THEN [a.id] ELSE sides END AS sides
  WITH a, r, m, COLLECT {
    MATCH (o:Actor)-[:ATTENDED]->(m)
    WHERE o <> a
      AND NOT o.id IN sides
      AND NOT any(s IN [(o)-[:MEMBER_OF*1..3]->(state:Actor {kind: 'STATE'}) | state.id] WHERE s IN sides)
    RETURN DISTINCT o {.id, .name} AS recipient ORDER BY recipient.name
  } AS recipients
  RETURN 'ATTENDED' AS edgeType, 'inferred' AS recipientBasis, null AS edgeId, m.date AS date, a AS actor, recipients,
         'CONSULT' AS ploverEvent, null AS ploverMode, [] AS ploverContext,
         null AS cameo, r.role AS role, null AS positionId, null AS positionTitle, m.id AS meetingId,
         r.sourceIds AS sourceIds, r.evidence AS quotes
}
UNWIND CASE WHEN size(coalesce(sourceIds, [])) = 0 THEN [null] ELSE range(0, size(sourceIds) - 1) END AS i
OPTIONAL MATCH (s:Source {id: sourceIds[i]})
RETURN edgeType, recipientBasis, edgeId, date, actor.id AS actorId, actor.name AS actorName, recipients,
       ploverEvent, ploverMode, ploverContext, cameo, role, positionId, positionTitle, meetingId,
       sourceIds[i] AS sourceId, quotes[i] AS quote, s.publisher AS publisher, s.title AS sourceTitle,
       s.publishedAt AS publishedAt, s.url AS url
ORDER BY date, edgeType, actorName, coalesce(edgeId, meetingId), i

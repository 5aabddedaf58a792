// The stance's own actor and status, and its TARGETS edge to one actor if there is one, for
// the curation API (a target must not be the stance's own actor; sources are merged).
MATCH (a:Actor)-[s:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: $stanceId}]->(:Position)
OPTIONAL MATCH (a)-[t:TARGETS {stanceId: $stanceId}]->(:Actor {id: $actorId})
RETURN a.id AS stanceActorId, coalesce(s.status, 'ACTIVE') AS status,
       CASE WHEN t IS NULL THEN null ELSE t {.stanceId, .sourceIds, .evidence, actorId: $actorId} END AS target

// For graphs written before a TARGETS edge carried its stance's status (seed/merge-stance-
// targets, stances/retract-stance): gives up to $batch such edges their stance's status and
// says how many it changed; applySchema repeats it until none is left, so a large graph is
// brought up to date in bounded transactions, and a current one costs one scan of TARGETS.
// Every TARGETS edge was made from its stance (the merge matches the stance first) and
// stances are never deleted, so the stance is there to read.
MATCH (a:Actor)-[t:TARGETS]->(:Actor)
WHERE t.status IS NULL
WITH a, t
LIMIT $batch
OPTIONAL MATCH (a)-[s:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: t.stanceId}]->(:Position)
SET t.status = coalesce(s.status, 'ACTIVE')
RETURN count(t) AS updated

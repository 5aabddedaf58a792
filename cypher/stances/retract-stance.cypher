// A retraction never deletes: the edge stays, marked with who retracted it, when and why.
// Its TARGETS edges (from the same actor, keyed by the stance id) take the status with it.
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: $id}]->(p:Position)
SET r.status = 'RETRACTED',
    r.retractedAt = datetime($now), r.retractedBy = $retractedBy, r.retractionReason = $reason
WITH a, r, p
CALL (a, r) {
  MATCH (a)-[t:TARGETS {stanceId: r.id}]->(:Actor)
  SET t.status = 'RETRACTED'
}
RETURN r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

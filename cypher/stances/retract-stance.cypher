// A retraction never deletes: the edge stays, marked with who retracted it, when and why.
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: $id}]->(p:Position)
SET r.status = 'RETRACTED',
    r.retractedAt = datetime($now), r.retractedBy = $retractedBy, r.retractionReason = $reason
RETURN r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

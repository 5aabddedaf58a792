// Replaces a stance's provenance lists (the service appends to what it read under lock).
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: $id}]->(p:Position)
SET r.sourceIds = $provenance.sourceIds,
    r.evidence = $provenance.evidence,
    r.evidenceText = $provenance.evidenceText,
    r.updatedAt = datetime($now), r.updatedBy = $updatedBy
RETURN r {.*, kind: type(r), actorId: a.id, positionId: p.id} AS stance

// Stances by id, through the per-type unique constraints on the id (one index seek each).
UNWIND $ids AS id
CALL (id) {
    WITH * WHERE true
    MATCH (a:Actor)-[r:PROPOSED {id: id}]->(p:Position)
    RETURN a, r, p
    UNION ALL
    WITH * WHERE true
    MATCH (a:Actor)-[r:REJECTED {id: id}]->(p:Position)
    RETURN a, r, p
    UNION ALL
    WITH * WHERE true
    MATCH (a:Actor)-[r:AGREED_TO {id: id}]->(p:Position)
    RETURN a, r, p
    UNION ALL
    WITH * WHERE true
    MATCH (a:Actor)-[r:CONSIDERING {id: id}]->(p:Position)
    RETURN a, r, p
}
RETURN r {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(r), actorId: a.id, positionId: p.id} AS stance

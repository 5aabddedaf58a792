// TARGETS edges: whom a stance is addressed to (PLOVER's target actor). The stance is an
// edge and cannot be linked to, so the edge runs from the stance's actor to the target and
// is keyed by the stance id; its kind and position are copied so paths and exports can say
// what the dyad is about without a second look-up, and so is its status (a retraction marks
// the stance's TARGETS edges too, stances/retract-stance), so a reader that keeps active
// edges drops a retracted stance's targets without looking the stance up.
UNWIND $rows AS row
MATCH (a:Actor)-[s:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: row.stanceId}]->(p:Position)
MATCH (t:Actor {id: row.actorId})
MERGE (a)-[r:TARGETS {stanceId: row.stanceId}]->(t)
ON CREATE SET r.recordedAt = datetime($now), r.recordedBy = $recordedBy
SET r += row.props, r.kind = type(s), r.positionId = p.id, r.status = coalesce(s.status, 'ACTIVE')

// The targets of each stance (whom it is addressed to), keyed by the stance id, through the
// TARGETS index on stanceId.
UNWIND $ids AS id
MATCH (:Actor)-[t:TARGETS {stanceId: id}]->(target:Actor)
RETURN id AS key, t {.stanceId, .sourceIds, .evidence, actorId: target.id} AS target
ORDER BY id, target.name

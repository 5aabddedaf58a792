// A page of the targets of each stance (whom it is addressed to), keyed by the stance id,
// through the TARGETS index on stanceId: by target name; $offset and $limit apply per stance.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Actor)-[t:TARGETS {stanceId: id}]->(target:Actor)
  RETURN t, target ORDER BY target.name, target.id SKIP $offset LIMIT $limit
}
RETURN id AS key, t {.stanceId, .sourceIds, .evidence, actorId: target.id} AS target

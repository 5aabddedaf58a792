// A page of the groups each given actor belongs to (person -> delegation, delegation ->
// state), by group name; $offset and $limit apply per actor.
UNWIND $ids AS id
MATCH (m:Actor {id: id})
CALL (m) {
  MATCH (m)-[r:MEMBER_OF]->(g:Actor)
  RETURN g, r ORDER BY g.name, g.id SKIP $offset LIMIT $limit
}
RETURN r {.role, .sourceIds, .evidence, memberId: m.id, groupId: g.id} AS membership

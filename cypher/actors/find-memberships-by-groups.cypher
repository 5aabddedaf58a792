// A page of the members of each given group ($offset, $limit per group), by member name.
UNWIND $ids AS id
MATCH (g:Actor {id: id})
CALL (g) {
  MATCH (m:Actor)-[r:MEMBER_OF]->(g)
  RETURN m, r ORDER BY m.name, m.id SKIP $offset LIMIT $limit
}
RETURN r {.role, .sourceIds, .evidence, memberId: m.id, groupId: g.id} AS membership

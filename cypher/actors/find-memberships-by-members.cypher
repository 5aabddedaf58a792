// The groups each given actor belongs to (person -> delegation, delegation -> state).
UNWIND $ids AS id
MATCH (m:Actor {id: id})-[r:MEMBER_OF]->(g:Actor)
RETURN r {.*, memberId: m.id, groupId: g.id} AS membership
ORDER BY g.name

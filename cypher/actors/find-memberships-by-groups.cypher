// The members of each given group.
UNWIND $ids AS id
MATCH (m:Actor)-[r:MEMBER_OF]->(g:Actor {id: id})
RETURN r {.*, memberId: m.id, groupId: g.id} AS membership
ORDER BY m.name

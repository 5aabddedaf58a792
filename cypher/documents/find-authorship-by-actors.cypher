UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:AUTHORED]->(d:Document)
RETURN r {.*, actorId: a.id, documentId: d.id} AS authorship
ORDER BY d.title

UNWIND $ids AS id
MATCH (a:Actor)-[r:AUTHORED]->(d:Document {id: id})
RETURN r {.*, actorId: a.id, documentId: d.id} AS authorship
ORDER BY a.name

// CONTAINS edges from the given documents: which positions each document puts forward.
UNWIND $ids AS id
MATCH (d:Document {id: id})-[r:CONTAINS]->(p:Position)
RETURN r {.*, documentId: d.id, positionId: p.id} AS content
ORDER BY p.title

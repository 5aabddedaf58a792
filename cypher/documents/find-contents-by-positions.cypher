// CONTAINS edges into the given positions: which documents put each position forward.
UNWIND $ids AS id
MATCH (d:Document)-[r:CONTAINS]->(p:Position {id: id})
RETURN r {.*, documentId: d.id, positionId: p.id} AS content
ORDER BY d.title

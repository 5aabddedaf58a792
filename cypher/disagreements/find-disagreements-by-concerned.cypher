// Batch: the disagreements about each given node (for the `disagreements` field of nodes).
UNWIND $ids AS id
MATCH (d:Disagreement)-[:CONCERNS]->({id: id})
RETURN id AS key, d {.*, concernIds: [(d)-[:CONCERNS]->(n) | n.id]} AS disagreement
ORDER BY d.id

UNWIND $ids AS id
MATCH (d:Disagreement {id: id})
RETURN d {.*, concernIds: [(d)-[:CONCERNS]->(n) | n.id]} AS disagreement

// Batch look-up for the per-request disagreement loader.
UNWIND $ids AS id
MATCH (d:Disagreement {id: id})
RETURN d {.id, .summary, .versionSourceIds, .versionClaims, .versionQuotes, concernIds: COLLECT { MATCH (d)-[:CONCERNS]->(n) RETURN n.id ORDER BY n.id LIMIT 100 }} AS disagreement

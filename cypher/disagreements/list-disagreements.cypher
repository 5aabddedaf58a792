// Disagreements, optionally only those that concern a given node; cut in the database (the
// total is counted by count-disagreements).
MATCH (d:Disagreement)
WHERE $concerning IS NULL OR EXISTS { (d)-[:CONCERNS]->({id: $concerning}) }
RETURN d {.id, .summary, .versionSourceIds, .versionClaims, .versionQuotes, concernIds: COLLECT { MATCH (d)-[:CONCERNS]->(n) RETURN n.id ORDER BY n.id LIMIT 100 }} AS disagreement
ORDER BY d.id
SKIP $offset LIMIT $limit

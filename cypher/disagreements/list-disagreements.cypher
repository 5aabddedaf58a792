// Disagreements, optionally only those that concern a given node.
MATCH (d:Disagreement)
WHERE $concerning IS NULL OR EXISTS { (d)-[:CONCERNS]->({id: $concerning}) }
WITH d ORDER BY d.id
WITH collect(d {.*, concernIds: [(d)-[:CONCERNS]->(n) | n.id]}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items

// How many disagreements list-disagreements would page through.
MATCH (d:Disagreement)
WHERE $concerning IS NULL OR EXISTS { (d)-[:CONCERNS]->({id: $concerning}) }
RETURN count(d) AS total

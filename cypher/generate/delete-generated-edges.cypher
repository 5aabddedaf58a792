// Removes the edges of a synthetic graph (found by its nodes' id prefix), in batches, before
// its nodes go (delete-generated.cypher): a DETACH DELETE of 2,000 generated actors took their
// 200,000 stances with it in one transaction, past the transaction memory of a 1 GB heap.
MATCH (n)
WHERE (n:Actor OR n:Position OR n:Meeting OR n:Source) AND n.id STARTS WITH $prefix
MATCH (n)-[r]-()
WITH DISTINCT r LIMIT $batch
DELETE r
RETURN count(*) AS deleted

// Removes a synthetic graph by its id prefix (nodes with their edges), in batches.
MATCH (n)
WHERE (n:Actor OR n:Position OR n:Meeting OR n:Source) AND n.id STARTS WITH $prefix
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted

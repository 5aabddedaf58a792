// Discards up to $limit staged batches of a run (the caller repeats until none are left, so
// no transaction grows with the size of the import).
MATCH (b:ImportBatch)
WHERE b.run = $run
WITH b LIMIT $limit
DELETE b
RETURN count(*) AS deleted

// Benchmark baseline: the first page of positions by title, and how many there are.
MATCH (p:Position) WHERE p.title IS NOT NULL
WITH p ORDER BY p.title, p.id LIMIT $limit
WITH collect([p.id, p.title, p.type, p.topics]) AS items
RETURN COUNT { (:Position) } AS total, items

// Documents by title, cut in the database (the total is counted by count-documents).
MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind)
RETURN d {.id, .title, .kind, .pages, .parts, .sourceIds, .evidence} AS document
ORDER BY d.title, d.id
SKIP $offset LIMIT $limit

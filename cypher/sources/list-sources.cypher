// Sources oldest first, cut in the database (the total is counted by count-sources).
MATCH (s:Source)
RETURN s {.id, .publisher, .title, .publishedAt, .language, .url, .sha256, .retrievedAt} AS source
ORDER BY s.publishedAt, s.publisher, s.id
SKIP $offset LIMIT $limit

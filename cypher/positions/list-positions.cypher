// Positions filtered by type, topic and a folded title fragment; ordered by title, then id.
// Top-N: the title index gives the order, so a page reads about offset + limit positions
// (the total is counted by count-positions). Quotes and their sources ($withEvidence) only
// when the client asks for evidence or sources: they are most of a position's bytes.
MATCH (p:Position)
WHERE p.title IS NOT NULL
  AND ($type IS NULL OR p.type = $type)
  AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
  AND ($title IS NULL OR p.searchKey CONTAINS $title)
RETURN CASE WHEN $withEvidence THEN p {.id, .type, .title, .summary, .topics, .sourceIds, .evidence}
            ELSE p {.id, .type, .title, .summary, .topics} END AS position
ORDER BY p.title, p.id
SKIP $offset LIMIT $limit

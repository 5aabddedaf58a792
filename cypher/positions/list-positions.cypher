// Positions filtered by type, topic and a folded title fragment; ordered by title, then id.
MATCH (p:Position)
WHERE ($type IS NULL OR p.type = $type)
  AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
  AND ($title IS NULL OR p.searchKey CONTAINS $title)
WITH p ORDER BY p.title, p.id
WITH collect(p {.*}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items

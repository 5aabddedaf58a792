// How many positions list-positions would page through (same filters).
MATCH (p:Position)
WHERE ($type IS NULL OR p.type = $type)
  AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
  AND ($title IS NULL OR p.searchKey CONTAINS $title)
RETURN count(p) AS total

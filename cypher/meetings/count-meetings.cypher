// How many meetings list-meetings would page through (same filters).
MATCH (m:Meeting)
WHERE ($status IS NULL OR m.status = $status)
  AND ($from IS NULL OR m.date >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
  AND ($title IS NULL OR m.searchKey CONTAINS $title)
RETURN count(m) AS total

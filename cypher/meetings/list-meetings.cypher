// Meetings in date order (undated, e.g. proposed ones, last), filtered by status, kind and dates.
MATCH (m:Meeting)
WHERE ($status IS NULL OR m.status = $status)
  AND ($kinds IS NULL OR coalesce(m.kind, 'ROUND') IN $kinds)
  AND ($from IS NULL OR m.date >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
  AND ($title IS NULL OR m.searchKey CONTAINS $title)
WITH m ORDER BY m.date, m.id
WITH collect(m {.*}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items

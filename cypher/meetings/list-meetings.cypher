// Meetings in date order (undated, e.g. proposed ones, last), filtered by status and dates;
// ordered and cut in the database (the total is counted by count-meetings).
MATCH (m:Meeting)
WHERE ($status IS NULL OR m.status = $status)
  AND ($from IS NULL OR m.date >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
  AND ($title IS NULL OR m.searchKey CONTAINS $title)
RETURN m {.id, .title, .round, .date, .startedAt, .endedAt, .durationMinutes, .venue, .city, .status, .sourceIds, .evidence} AS meeting
ORDER BY m.date, m.id
SKIP $offset LIMIT $limit

// How many meetings list-meetings would page through (same filters).
// Without a filter the count store answers (no scan); with one, the matches are counted.
WITH ($status IS NULL AND $kinds IS NULL AND $from IS NULL AND $to IS NULL AND $title IS NULL) AS unfiltered
CALL (unfiltered) {
  WITH unfiltered WHERE unfiltered
  CALL () {
    MATCH (m:Meeting)
    RETURN count(m) AS total
  }
  RETURN total
  UNION ALL
  WITH unfiltered WHERE NOT unfiltered
  CALL () {
    MATCH (m:Meeting)
    WHERE ($status IS NULL OR m.status = $status)
      AND ($kinds IS NULL OR coalesce(m.kind, 'ROUND') IN $kinds)
      AND ($from IS NULL OR m.date >= date($from))
      AND ($to IS NULL OR m.date <= date($to))
      AND ($title IS NULL OR m.searchKey CONTAINS $title)
    RETURN count(m) AS total
  }
  RETURN total
}
RETURN total

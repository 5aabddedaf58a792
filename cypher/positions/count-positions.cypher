// How many positions list-positions would page through (same filters).
// Without a filter the count store answers (no scan); with one, the matches are counted.
WITH ($type IS NULL AND $topics IS NULL AND $title IS NULL) AS unfiltered
CALL (unfiltered) {
  WITH unfiltered WHERE unfiltered
  CALL () {
    MATCH (p:Position)
    RETURN count(p) AS total
  }
  RETURN total
  UNION ALL
  WITH unfiltered WHERE NOT unfiltered
  CALL () {
    MATCH (p:Position)
    WHERE ($type IS NULL OR p.type = $type)
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($title IS NULL OR p.searchKey CONTAINS $title)
    RETURN count(p) AS total
  }
  RETURN total
}
RETURN total

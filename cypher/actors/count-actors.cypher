// How many actors list-actors would page through (same filters).
// Without a filter the count store answers (no scan); with one, the matches are counted.
WITH ($kind IS NULL AND $name IS NULL) AS unfiltered
CALL (unfiltered) {
  WITH unfiltered WHERE unfiltered
  CALL () {
    MATCH (a:Actor)
    RETURN count(a) AS total
  }
  RETURN total
  UNION ALL
  WITH unfiltered WHERE NOT unfiltered
  CALL () {
    MATCH (a:Actor)
    WHERE ($kind IS NULL OR a.kind = $kind)
      AND ($name IS NULL OR a.searchKey CONTAINS $name)
    RETURN count(a) AS total
  }
  RETURN total
}
RETURN total

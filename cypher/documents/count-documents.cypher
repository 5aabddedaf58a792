// How many documents list-documents would page through.
// Without a filter the count store answers (no scan); with one, the matches are counted.
WITH ($kind IS NULL) AS unfiltered
CALL (unfiltered) {
  WITH unfiltered WHERE unfiltered
  CALL () {
    MATCH (d:Document)
    RETURN count(d) AS total
  }
  RETURN total
  UNION ALL
  WITH unfiltered WHERE NOT unfiltered
  CALL () {
    MATCH (d:Document)
    WHERE $kind IS NULL OR d.kind = $kind
    RETURN count(d) AS total
  }
  RETURN total
}
RETURN total

// A page of documents by title (then id), optionally of one kind, with how many match: one
// row, one round trip (the total from the count store when unfiltered).
CALL () {
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
}
CALL () {
  MATCH (d:Document)
  WHERE ($kind IS NULL OR d.kind = $kind)
  WITH d ORDER BY d.title, d.id SKIP $offset LIMIT $limit
  RETURN collect(d {.id, .title, .kind, .pages, .parts, .sourceIds, .evidence}) AS documents
}
RETURN total, documents

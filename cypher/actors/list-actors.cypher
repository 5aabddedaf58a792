// A page of actors by name (then id), filtered by kind and a folded name fragment, with how
// many match: one row, one round trip. Top-N on the name index; the total from the count
// store when unfiltered, else the matches counted.
CALL () {
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
}
CALL () {
  MATCH (a:Actor)
  WHERE a.name IS NOT NULL
    AND ($kind IS NULL OR a.kind = $kind)
    AND ($name IS NULL OR a.searchKey CONTAINS $name)
  WITH a ORDER BY a.name, a.id SKIP $offset LIMIT $limit
  RETURN collect(a {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence}) AS actors
}
RETURN total, actors

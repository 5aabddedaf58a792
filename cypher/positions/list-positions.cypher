// A page of positions filtered by type, topic and a folded title fragment, ordered by title,
// then id, with how many match: one row, one round trip.
// Top-N: the title index gives the order, so a page reads about offset + limit positions.
// The total: without a filter the count store answers (no scan); with one, the matches are
// counted. Quotes and their sources ($withEvidence) only when the client asks for evidence or
// sources: they are most of a position's bytes.
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
CALL () {
  MATCH (p:Position)
  WHERE p.title IS NOT NULL
    AND ($type IS NULL OR p.type = $type)
    AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
    AND ($title IS NULL OR p.searchKey CONTAINS $title)
  WITH p ORDER BY p.title, p.id SKIP $offset LIMIT $limit
  // One tuple per position (`positionFromTuple` in src/positions/position.repository.ts): the
  // driver decodes a list of lists in well under the CPU of a list of maps. The summary only
  // when asked ($withSummary), the evidence only when asked ($withEvidence).
  RETURN collect([p.id, p.type, p.title, CASE WHEN $withSummary THEN p.summary END, p.topics,
                  CASE WHEN $withEvidence THEN p.sourceIds END, CASE WHEN $withEvidence THEN p.evidence END]) AS positions
}
RETURN total, positions

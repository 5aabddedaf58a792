// A page of disagreements, optionally only those that concern a given node, with how many
// match: one row, one round trip (the total from the count store when unfiltered).
CALL () {
  WITH ($concerning IS NULL) AS unfiltered
  CALL (unfiltered) {
    WITH unfiltered WHERE unfiltered
    CALL () {
      MATCH (d:Disagreement)
      RETURN count(d) AS total
    }
    RETURN total
    UNION ALL
    WITH unfiltered WHERE NOT unfiltered
    CALL () {
      MATCH (d:Disagreement)
      WHERE EXISTS { (d)-[:CONCERNS]->({id: $concerning}) }
      RETURN count(d) AS total
    }
    RETURN total
  }
  RETURN total
}
CALL () {
  MATCH (d:Disagreement)
  WHERE $concerning IS NULL OR EXISTS { (d)-[:CONCERNS]->({id: $concerning}) }
  WITH d ORDER BY d.id SKIP $offset LIMIT $limit
  RETURN collect(d {.id, .summary, .versionSourceIds, .versionClaims, .versionQuotes, concernIds: COLLECT { MATCH (d)-[:CONCERNS]->(n) RETURN n.id ORDER BY n.id LIMIT 100 }}) AS disagreements
}
RETURN total, disagreements

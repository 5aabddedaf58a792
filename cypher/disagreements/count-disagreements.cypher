// How many disagreements list-disagreements would page through.
// Without a filter the count store answers (no scan); with one, the matches are counted.
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

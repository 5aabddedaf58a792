// Whether the graph holds any data: actors, meetings, positions, sources or documents. API
// tokens and audit entries do not count (a token may be made before the first start). Each
// count comes from the count store, without a scan.
CALL () {
  MATCH (n:Actor) RETURN count(n) AS count
  UNION ALL
  MATCH (n:Meeting) RETURN count(n) AS count
  UNION ALL
  MATCH (n:Position) RETURN count(n) AS count
  UNION ALL
  MATCH (n:Source) RETURN count(n) AS count
  UNION ALL
  MATCH (n:Document) RETURN count(n) AS count
}
RETURN sum(count) AS nodes

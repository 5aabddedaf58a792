// Benchmark baseline (scripts/bench): the stance table filtered by one kind, hand-written:
// the first page in date order with actor, position and each quote's publisher in one query.
// Undated stances come last (by actor, position), read only when the dated ones leave room,
// as the service does (cypher/stances/list-stances.cypher): the seed has some.
CALL () {
  MATCH (a:Actor)-[r:REJECTED]->(p:Position)
  WHERE r.date IS NOT NULL AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  WITH a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $limit
  RETURN collect([a, r, p]) AS dated
}
CALL (dated) {
  UNWIND dated AS row
  RETURN row
  UNION ALL
  WITH dated WHERE size(dated) < $limit
  MATCH (a:Actor)-[r:REJECTED]->(p:Position)
  WHERE r.date IS NULL AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  WITH a, r, p ORDER BY a.name, p.title, r.id LIMIT $limit
  RETURN [a, r, p] AS row
}
WITH row LIMIT $limit
WITH row[0] AS a, row[1] AS r, row[2] AS p
RETURN toString(r.date) AS date, a.name AS actor, p.title AS position,
       [i IN range(0, size(r.sourceIds) - 1) | [r.evidence[i], COLLECT { MATCH (s:Source {id: r.sourceIds[i]}) RETURN s.publisher }[0]]] AS evidence

// Benchmark baseline (scripts/bench): the stance table filtered by one kind, hand-written:
// the first page in date order with actor, position and each quote's publisher in one query.
MATCH (a:Actor)-[r:REJECTED]->(p:Position)
WHERE r.date IS NOT NULL AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
WITH a, r, p ORDER BY r.date, a.name, p.title, r.id LIMIT $limit
RETURN r.date AS date, a.name AS actor, p.title AS position,
       [i IN range(0, size(r.sourceIds) - 1) | [r.evidence[i], COLLECT { MATCH (s:Source {id: r.sourceIds[i]}) RETURN s.publisher }[0]]] AS evidence

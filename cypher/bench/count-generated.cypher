// Benchmark set-up: how many generated stances the benchmark database holds (to reuse it).
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]->()
WHERE a.id STARTS WITH $prefix
RETURN count(r) AS stances

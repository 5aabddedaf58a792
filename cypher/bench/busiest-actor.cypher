// Benchmark set-up on a graph it did not generate (--seed): the actor with the most active
// stances of the three kinds the benchmark reads, first by id when tied.
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO]->(:Position)
WHERE a.id STARTS WITH $prefix AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
WITH a, count(r) AS stances ORDER BY stances DESC, a.id LIMIT 1
RETURN a.id AS id

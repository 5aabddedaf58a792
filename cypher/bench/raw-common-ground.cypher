// Benchmark baseline: positions both actors agreed to (actively), by title.
MATCH (:Actor {id: $first})-[r1:AGREED_TO]->(p:Position)<-[r2:AGREED_TO]-(:Actor {id: $second})
WHERE coalesce(r1.status, 'ACTIVE') = 'ACTIVE' AND coalesce(r2.status, 'ACTIVE') = 'ACTIVE'
WITH DISTINCT p ORDER BY p.title, p.id LIMIT 20
RETURN p.title AS title

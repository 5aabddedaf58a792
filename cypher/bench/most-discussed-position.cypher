// Benchmark set-up on a graph it did not generate (--seed): the title of the position with the
// most stances, first by id when tied; the search operation looks for its words.
MATCH (p:Position)<-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]-(:Actor)
WHERE p.id STARTS WITH $prefix AND p.title IS NOT NULL
WITH p, count(r) AS stances ORDER BY stances DESC, p.id LIMIT 1
RETURN p.title AS title

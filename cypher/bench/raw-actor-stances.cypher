// Benchmark baseline: one actor with its first 25 active proposed / rejected / agreed-to
// stances, each with the position title and the sources' publishers.
MATCH (a:Actor {id: $actorId})
RETURN a.name AS name,
  COLLECT { MATCH (a)-[r:PROPOSED]->(p:Position) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
            WITH r, p ORDER BY r.date, p.title, r.id LIMIT 25
            RETURN [p.title, COLLECT { UNWIND r.sourceIds AS sid MATCH (s:Source {id: sid}) RETURN s.publisher }] } AS proposed,
  COLLECT { MATCH (a)-[r:REJECTED]->(p:Position) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
            WITH r, p ORDER BY r.date, p.title, r.id LIMIT 25
            RETURN [p.title, COLLECT { UNWIND r.sourceIds AS sid MATCH (s:Source {id: sid}) RETURN s.publisher }] } AS rejected,
  COLLECT { MATCH (a)-[r:AGREED_TO]->(p:Position) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
            WITH r, p ORDER BY r.date, p.title, r.id LIMIT 25
            RETURN [p.title, COLLECT { UNWIND r.sourceIds AS sid MATCH (s:Source {id: sid}) RETURN s.publisher }] } AS agreedTo

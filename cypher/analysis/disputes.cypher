// Positions that one of $actorIds proposed and another of them rejected, with the stances on
// both sides. Members count for their groups when $includeMembers is true.
MATCH (pa:Actor)-[pr:PROPOSED]->(p:Position)<-[rj:REJECTED]-(ra:Actor)
WHERE coalesce(pr.status, 'ACTIVE') = 'ACTIVE' AND coalesce(rj.status, 'ACTIVE') = 'ACTIVE'
WITH p, pr, rj, pa, ra,
     [id IN $actorIds WHERE pa.id = id
        OR ($includeMembers AND EXISTS { MATCH (pa)-[:MEMBER_OF*1..3]->(:Actor {id: id}) })] AS proposerSides,
     [id IN $actorIds WHERE ra.id = id
        OR ($includeMembers AND EXISTS { MATCH (ra)-[:MEMBER_OF*1..3]->(:Actor {id: id}) })] AS rejecterSides
WHERE any(side IN proposerSides WHERE NOT side IN rejecterSides) AND size(rejecterSides) > 0
WITH p,
     collect(DISTINCT pr {.*, kind: 'PROPOSED', actorId: pa.id, positionId: p.id}) AS proposed,
     collect(DISTINCT rj {.*, kind: 'REJECTED', actorId: ra.id, positionId: p.id}) AS rejected
RETURN p {.*} AS position, proposed, rejected
ORDER BY p.title, p.id

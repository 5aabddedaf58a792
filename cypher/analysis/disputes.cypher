// Positions that one of $actorIds proposed and another of them rejected, with the stances on
// both sides. Members count for their groups when $includeMembers is true. Paged ($offset,
// $limit) in title order; each side's stances are capped at $stanceCap (the position's
// proposedBy / rejectedBy fields page through all of them).
MATCH (pa:Actor)-[pr:PROPOSED]->(p:Position)<-[rj:REJECTED]-(ra:Actor)
WHERE coalesce(pr.status, 'ACTIVE') = 'ACTIVE' AND coalesce(rj.status, 'ACTIVE') = 'ACTIVE'
WITH p, pr, rj, pa, ra,
     [id IN $actorIds WHERE pa.id = id
        OR ($includeMembers AND EXISTS { MATCH (pa)-[:MEMBER_OF*1..3]->(:Actor {id: id}) })] AS proposerSides,
     [id IN $actorIds WHERE ra.id = id
        OR ($includeMembers AND EXISTS { MATCH (ra)-[:MEMBER_OF*1..3]->(:Actor {id: id}) })] AS rejecterSides
WHERE any(side IN proposerSides WHERE NOT side IN rejecterSides) AND size(rejecterSides) > 0
WITH p,
     collect(DISTINCT pr {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, kind: 'PROPOSED', actorId: pa.id, positionId: p.id}) AS proposed,
     collect(DISTINCT rj {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, kind: 'REJECTED', actorId: ra.id, positionId: p.id}) AS rejected
RETURN p {.id, .type, .title, .summary, .topics, .sourceIds, .evidence} AS position, proposed[..$stanceCap] AS proposed, rejected[..$stanceCap] AS rejected
ORDER BY p.title, p.id
SKIP $offset LIMIT $limit

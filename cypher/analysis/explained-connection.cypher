// Shortest paths (up to 6 hops, any direction) between two nodes over the relationship types
// in $types only, ignoring retracted stances; each edge comes with what explains it (its role,
// the stance it belongs to, its sources and quotes). The service calls it first with the
// substantive types (stances, targets, involvement, attendance) and falls back to every type.
// A TARGETS edge carries its stance's status (a retraction marks both), so one status check
// per relationship drops a retracted stance and its targets alike; it stays per relationship,
// so the planner applies it during the search rather than enumerating every path and
// filtering after. Edges only when asked ($withEdges; a path's length comes either way),
// their sources and quotes only when those are ($withEvidence); of the nodes, their labels
// always, ids and kinds when asked (for `nodes { label }`, 1,423 → 741 bytes of rows as JSON for
// the benchmark's five paths).
// The id prefix does not pick the label here, so look in each label through its id index.
CALL () {
  MATCH (n:Actor {id: $fromId}) RETURN n
  UNION MATCH (n:Meeting {id: $fromId}) RETURN n
  UNION MATCH (n:Position {id: $fromId}) RETURN n
  UNION MATCH (n:Document {id: $fromId}) RETURN n
  UNION MATCH (n:Disagreement {id: $fromId}) RETURN n
}
WITH n AS start
CALL (start) {
  MATCH (n:Actor {id: $toId}) RETURN n
  UNION MATCH (n:Meeting {id: $toId}) RETURN n
  UNION MATCH (n:Position {id: $toId}) RETURN n
  UNION MATCH (n:Document {id: $toId}) RETURN n
  UNION MATCH (n:Disagreement {id: $toId}) RETURN n
}
WITH start, n AS finish
WHERE start <> finish
MATCH path = allShortestPaths((start)-[*..6]-(finish))
WHERE all(r IN relationships(path) WHERE type(r) IN $types AND coalesce(r.status, 'ACTIVE') = 'ACTIVE')
RETURN length(path) AS length,
       // Each node as [label, id, labels], its id and labels only when asked ($withNodeIds, $withNodeKinds).
       [node IN nodes(path) | [coalesce(node.name, node.title, node.summary, node.id),
                               CASE WHEN $withNodeIds THEN node.id END, CASE WHEN $withNodeKinds THEN labels(node) END]] AS nodes,
       CASE WHEN $withEdges THEN [r IN relationships(path) | {
         type: type(r), id: coalesce(r.id, r.stanceId), fromId: startNode(r).id, toId: endNode(r).id,
         role: r.role, stanceKind: CASE type(r) WHEN 'TARGETS' THEN r.kind ELSE null END,
         sourceIds: CASE WHEN $withEvidence THEN r.sourceIds END, evidence: CASE WHEN $withEvidence THEN r.evidence END
       }] ELSE [] END AS edges
LIMIT $limit

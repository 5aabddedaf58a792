// Benchmark baseline: the shortest paths between two nodes over any relationship, skipping
// retracted stances. The service's query (cypher/analysis/explained-connection.cypher) checks
// the edge types too (substantive ones first); a TARGETS edge carries its stance's status, so
// the status check covers targets in both. On the benchmark's pairs both find the same paths
// (the JSON is compared byte for byte): 184 db hits here against the service's 139 on the
// seed (Russia–Ukraine), 902 against 842 on 200,000 stances (the service reads node ids and
// kinds only when asked, and the benchmark asks for labels).
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
WHERE all(r IN relationships(path) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE')
RETURN [node IN nodes(path) | node {.id, labels: labels(node), label: coalesce(node.name, node.title, node.summary, node.id)}] AS nodes,
       [r IN relationships(path) | {type: type(r), id: r.id, fromId: startNode(r).id, toId: endNode(r).id}] AS edges
LIMIT $limit

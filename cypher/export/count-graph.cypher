// How many nodes and edges /export/graph.* will hold (the same selection as stream-graph), for
// the X-Graph-Nodes / X-Graph-Edges headers, so a client knows the size before it downloads.
CALL () {
  MATCH (n)
  WHERE n:Actor OR n:Meeting OR n:Position OR n:Document OR n:Source OR n:Disagreement
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WHERE (a:Actor OR a:Meeting OR a:Position OR a:Document OR a:Source OR a:Disagreement)
    AND (b:Actor OR b:Meeting OR b:Position OR b:Document OR b:Source OR b:Disagreement)
  RETURN count(r) AS edges
}
RETURN nodes, edges

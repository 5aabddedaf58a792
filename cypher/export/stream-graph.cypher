// Every node of the knowledge graph, then every edge between two of them, in one read so the
// two halves agree. Dataset nodes (which files were loaded, and when) are bookkeeping, not
// knowledge, and stay out. Nodes sort before edges: the node-link writer needs that order.
CALL () {
  MATCH (n)
  WHERE n:Actor OR n:Meeting OR n:Position OR n:Document OR n:Source OR n:Disagreement
  RETURN 0 AS part,
         CASE WHEN n:Actor THEN 'Actor' WHEN n:Meeting THEN 'Meeting' WHEN n:Position THEN 'Position'
              WHEN n:Document THEN 'Document' WHEN n:Source THEN 'Source' ELSE 'Disagreement' END AS kind,
         n.id AS id, n {.*} AS props, null AS type, null AS fromId, null AS toId
  UNION ALL
  MATCH (a)-[r]->(b)
  WHERE (a:Actor OR a:Meeting OR a:Position OR a:Document OR a:Source OR a:Disagreement)
    AND (b:Actor OR b:Meeting OR b:Position OR b:Document OR b:Source OR b:Disagreement)
  // A TARGETS edge carries its stance's status (a retraction marks both), so a reader that
  // drops retracted edges drops the retracted stance's targets with it.
  RETURN 1 AS part, null AS kind, r.id AS id, r {.*} AS props, type(r) AS type, a.id AS fromId, b.id AS toId
}
RETURN part, kind, id, props, type, fromId, toId
ORDER BY part, kind, type, fromId, toId, id, props.role

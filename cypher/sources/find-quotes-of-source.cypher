// Every quote that cites one source, on nodes, on edges and in disagreement versions: before
// a source's text is replaced, each must still occur in the new text. Scans the quoted items
// (a rare editor action, not a request path).
CALL () {
  MATCH (n:Actor|Meeting|Position|Document)
  WHERE $id IN n.sourceIds
  RETURN n.id AS item, [i IN range(0, size(n.sourceIds) - 1) WHERE n.sourceIds[i] = $id | n.evidence[i]] AS quotes
  UNION ALL
  MATCH (a)-[r]->(b)
  WHERE $id IN r.sourceIds
  RETURN coalesce(r.id, a.id + ' -' + type(r) + '-> ' + b.id) AS item,
         [i IN range(0, size(r.sourceIds) - 1) WHERE r.sourceIds[i] = $id | r.evidence[i]] AS quotes
  UNION ALL
  MATCH (d:Disagreement)
  WHERE $id IN d.versionSourceIds
  RETURN d.id AS item, [i IN range(0, size(d.versionSourceIds) - 1) WHERE d.versionSourceIds[i] = $id | d.versionQuotes[i]] AS quotes
}
RETURN item, quotes
ORDER BY item

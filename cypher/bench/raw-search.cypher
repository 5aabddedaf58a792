// Benchmark baseline: full-text search over nodes and active stances, best first.
CALL () {
  CALL db.index.fulltext.queryNodes('node_text', $query, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, labels(node) AS labels, score
  UNION ALL
  CALL db.index.fulltext.queryRelationships('stance_text', $query, {limit: $limit}) YIELD relationship, score
  WITH relationship AS r, score WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  RETURN r.id AS id, ['Stance'] AS labels, score
}
RETURN labels, score ORDER BY score DESC, id LIMIT $limit

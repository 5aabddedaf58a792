// The best existing positions for each drafted candidate, by the full-text index search
// already uses. $queries hold escaped Lucene queries over titles and summaries (not evidence
// quotes: a position should match by what it is, not by the words of one report).
UNWIND $queries AS q
CALL (q) {
  CALL db.index.fulltext.queryNodes('node_text', q.query, {limit: $limit * 4}) YIELD node, score
  WHERE node:Position
  RETURN node.id AS id, score
  ORDER BY score DESC, id
  LIMIT $limit
}
RETURN q.key AS key, collect({id: id, score: score}) AS matches

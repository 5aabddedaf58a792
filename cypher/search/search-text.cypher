// Full-text search over nodes (names, aliases, titles, summaries, descriptions, evidence)
// and stance evidence quotes. Items carry the properties the API exposes, not the search keys. $query is already escaped Lucene (see src/shared/text.ts).
CALL () {
  CALL db.index.fulltext.queryNodes('node_text', $query, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, labels(node) AS labels, score, node {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence, .title, .round, .date,
    .startedAt, .endedAt, .durationMinutes, .venue, .city, .status, .type, .summary, .topics, .publisher,
    .publishedAt, .language, .url, .pages, .parts, .versionSourceIds, .versionClaims, .versionQuotes} AS item
  UNION ALL
  CALL db.index.fulltext.queryRelationships('stance_text', $query, {limit: $limit}) YIELD relationship, score
  WITH relationship AS r, score
  WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  RETURN r.id AS id, ['Stance'] AS labels, score,
         r {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status, .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(r), actorId: startNode(r).id, positionId: endNode(r).id} AS item
}
RETURN id, labels, score, item
ORDER BY score DESC, id
LIMIT $limit

// Full-text search over nodes (names, aliases, titles, summaries, descriptions, evidence)
// and stance evidence quotes, best first. $query is already escaped Lucene (see src/shared/text.ts).
// Both indexes are asked for $limit hits; only the best $limit of them are projected, and
// only when the client asked for the items ($withItems): a search for scores and kinds reads
// only the ids it orders ties by. Items carry the properties the API exposes, not the search keys.
CALL () {
  CALL db.index.fulltext.queryNodes('node_text', $query, {limit: $limit}) YIELD node, score
  RETURN node AS hit, node.id AS id, labels(node) AS labels, score
  UNION ALL
  CALL db.index.fulltext.queryRelationships('stance_text', $query, {limit: $limit}) YIELD relationship, score
  WITH relationship AS r, score
  WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
  RETURN r AS hit, r.id AS id, ['Stance'] AS labels, score
}
WITH hit, id, labels, score
ORDER BY score DESC, id
LIMIT $limit
RETURN labels, score,
       CASE
         WHEN NOT $withItems THEN null
         WHEN labels = ['Stance'] THEN hit {.id, .meetingId, .date, .sourceIds, .evidence, .ploverEvent, .ploverMode, .ploverContext, .cameo, .status,
           .recordedAt, .recordedBy, .retractedAt, .retractedBy, .retractionReason, kind: type(hit), actorId: startNode(hit).id, positionId: endNode(hit).id}
         ELSE hit {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence, .title, .round, .date,
           .startedAt, .endedAt, .durationMinutes, .venue, .city, .status, .type, .summary, .topics, .publisher,
           .publishedAt, .language, .url, .pages, .parts, .versionSourceIds, .versionClaims, .versionQuotes}
       END AS item

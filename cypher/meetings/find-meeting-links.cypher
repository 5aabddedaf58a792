// FOLLOWS runs from a later meeting to the one before it; returns both directions. A meeting
// follows at most a few others, so the lists are capped at $limit rather than paged.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN m.id AS meetingId,
       COLLECT { MATCH (m)-[:FOLLOWS]->(previous:Meeting) RETURN previous.id ORDER BY previous.date, previous.id LIMIT $limit } AS previousIds,
       COLLECT { MATCH (next:Meeting)-[:FOLLOWS]->(m) RETURN next.id ORDER BY next.date, next.id SKIP $offset LIMIT $limit } AS nextIds

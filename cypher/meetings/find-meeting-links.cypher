// FOLLOWS runs from a later meeting to the one before it; returns both directions.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
OPTIONAL MATCH (m)-[:FOLLOWS]->(previous:Meeting)
OPTIONAL MATCH (next:Meeting)-[:FOLLOWS]->(m)
RETURN m.id AS meetingId, collect(DISTINCT previous.id) AS previousIds, collect(DISTINCT next.id) AS nextIds

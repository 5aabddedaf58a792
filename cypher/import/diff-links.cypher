// Dry run and re-import for the provenance-carrying links (see diff-nodes), keyed by their
// ends (and, for ATTENDED and INVOLVES, the role, as the seed loader merges them; TARGETS by
// the stance id). $type picks the link.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Actor {id: row.fromId})-[r:ATTENDED {role: row.props.role}]->(:Meeting {id: row.toId}) USING INDEX a:Actor(id) WHERE $type = 'ATTENDED' RETURN r
  UNION
  MATCH (a:Actor {id: row.fromId})-[r:MEMBER_OF]->(:Actor {id: row.toId}) USING INDEX a:Actor(id) WHERE $type = 'MEMBER_OF' RETURN r
  UNION
  MATCH (m:Meeting {id: row.fromId})-[r:FOLLOWS]->(:Meeting {id: row.toId}) USING INDEX m:Meeting(id) WHERE $type = 'FOLLOWS' RETURN r
  UNION
  MATCH (a:Actor {id: row.fromId})-[r:AUTHORED]->(:Document {id: row.toId}) USING INDEX a:Actor(id) WHERE $type = 'AUTHORED' RETURN r
  UNION
  MATCH (d:Document {id: row.fromId})-[r:CONTAINS]->(:Position {id: row.toId}) USING INDEX d:Document(id) WHERE $type = 'CONTAINS' RETURN r
  UNION
  MATCH (s:Actor)-[r:TARGETS {stanceId: row.fromId}]->(t:Actor {id: row.toId}) USING INDEX t:Actor(id) WHERE $type = 'TARGETS' RETURN r
  UNION
  MATCH (p:Position {id: row.fromId})-[r:INVOLVES {role: row.props.role}]->(:Actor {id: row.toId}) USING INDEX p:Position(id) WHERE $type = 'INVOLVES' RETURN r
}
WITH row, r, [k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)] AS changed
RETURN row.key AS key, changed, [k IN changed | {field: k, before: r[k]}] AS before,
  // The stored provenance only when it differs: otherwise the file's is the merged one.
  CASE WHEN any(k IN changed WHERE k IN ['sourceIds', 'evidence', 'evidenceText']) THEN r.sourceIds END AS storedSourceIds,
  CASE WHEN any(k IN changed WHERE k IN ['sourceIds', 'evidence', 'evidenceText']) THEN r.evidence END AS storedQuotes

// Dry run and re-import for the provenance-carrying links (see diff-nodes), keyed by their
// ends (and, for ATTENDED and INVOLVES, the role, as the seed loader merges them; TARGETS by
// the stance id). $type picks the link.
UNWIND $rows AS row
CALL (row) {
  MATCH (:Actor {id: row.fromId})-[r:ATTENDED {role: row.props.role}]->(:Meeting {id: row.toId}) WHERE $type = 'ATTENDED' RETURN r
  UNION
  MATCH (:Actor {id: row.fromId})-[r:MEMBER_OF]->(:Actor {id: row.toId}) WHERE $type = 'MEMBER_OF' RETURN r
  UNION
  MATCH (:Meeting {id: row.fromId})-[r:FOLLOWS]->(:Meeting {id: row.toId}) WHERE $type = 'FOLLOWS' RETURN r
  UNION
  MATCH (:Actor {id: row.fromId})-[r:AUTHORED]->(:Document {id: row.toId}) WHERE $type = 'AUTHORED' RETURN r
  UNION
  MATCH (:Document {id: row.fromId})-[r:CONTAINS]->(:Position {id: row.toId}) WHERE $type = 'CONTAINS' RETURN r
  UNION
  MATCH (:Actor)-[r:TARGETS {stanceId: row.fromId}]->(:Actor {id: row.toId}) WHERE $type = 'TARGETS' RETURN r
  UNION
  MATCH (:Position {id: row.fromId})-[r:INVOLVES {role: row.props.role}]->(:Actor {id: row.toId}) WHERE $type = 'INVOLVES' RETURN r
}
WITH row, r, [k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)] AS changed
RETURN row.key AS key, changed, [k IN changed | {field: k, before: r[k]}] AS before,
  r.sourceIds AS storedSourceIds, r.evidence AS storedQuotes

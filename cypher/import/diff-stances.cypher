// Dry run and re-import for stance edges (see diff-nodes). Also returns the stored kind and
// ends, since an existing stance id must keep its meaning. Status is not compared: an import
// never undoes a retraction. One branch per type, each seeking the type's id index by hint,
// so the plan does not depend on how many stances there were when it was compiled.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Actor)-[r:PROPOSED {id: row.id}]->(p:Position) USING INDEX r:PROPOSED(id) RETURN a, r, p
  UNION
  MATCH (a:Actor)-[r:REJECTED {id: row.id}]->(p:Position) USING INDEX r:REJECTED(id) RETURN a, r, p
  UNION
  MATCH (a:Actor)-[r:AGREED_TO {id: row.id}]->(p:Position) USING INDEX r:AGREED_TO(id) RETURN a, r, p
  UNION
  MATCH (a:Actor)-[r:CONSIDERING {id: row.id}]->(p:Position) USING INDEX r:CONSIDERING(id) RETURN a, r, p
}
WITH row, r, a, p,
  [k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)]
  + CASE WHEN coalesce(toString(r.date) = row.date, r.date IS NULL AND row.date IS NULL) THEN [] ELSE ['date'] END AS changed
RETURN row.key AS key, type(r) AS kind, a.id AS actorId, p.id AS positionId, changed,
  [k IN changed | {field: k, before: r[k]}] AS before,
  // The stored provenance only when it differs: otherwise the file's is the merged one.
  CASE WHEN any(k IN changed WHERE k IN ['sourceIds', 'evidence', 'evidenceText']) THEN r.sourceIds END AS storedSourceIds,
  CASE WHEN any(k IN changed WHERE k IN ['sourceIds', 'evidence', 'evidenceText']) THEN r.evidence END AS storedQuotes

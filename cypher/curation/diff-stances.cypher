// Dry run and re-import for stance edges (see diff-nodes). Also returns the stored kind and
// ends, since an existing stance id must keep its meaning. Status is not compared: an import
// never undoes a retraction.
UNWIND $rows AS row
MATCH (a:Actor)-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: row.id}]->(p:Position)
WITH row, r, a, p,
  [k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], r[k] IS NULL AND row.props[k] IS NULL)]
  + CASE WHEN coalesce(toString(r.date) = row.date, r.date IS NULL AND row.date IS NULL) THEN [] ELSE ['date'] END AS changed
RETURN row.key AS key, type(r) AS kind, a.id AS actorId, p.id AS positionId, changed,
  [k IN changed | {field: k, before: r[k]}] AS before,
  r.sourceIds AS storedSourceIds, r.evidence AS storedQuotes

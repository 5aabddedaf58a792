// Dry run and re-import: for each row an import would merge, whether a node with that id
// exists and which stored properties would change. Read-only. Rows whose node does not
// exist return nothing (they would be created). `dates` holds the date-typed properties as
// YYYY-MM-DD; `concerns` (disagreements only) the ids the CONCERNS edges should point at.
// The stored provenance comes back too: an import adds sources to a fact, never drops one.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Source {id: row.id}) USING INDEX n:Source(id) WHERE $label = 'Source' RETURN n
  UNION
  MATCH (n:Actor {id: row.id}) USING INDEX n:Actor(id) WHERE $label = 'Actor' RETURN n
  UNION
  MATCH (n:Meeting {id: row.id}) USING INDEX n:Meeting(id) WHERE $label = 'Meeting' RETURN n
  UNION
  MATCH (n:Position {id: row.id}) USING INDEX n:Position(id) WHERE $label = 'Position' RETURN n
  UNION
  MATCH (n:Document {id: row.id}) USING INDEX n:Document(id) WHERE $label = 'Document' RETURN n
  UNION
  MATCH (n:Disagreement {id: row.id}) USING INDEX n:Disagreement(id) WHERE $label = 'Disagreement' RETURN n
}
WITH row, n, [(n)-[:CONCERNS]->(c) | c.id] AS concernIds
WITH row, n,
  [k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL)]
  + [k IN keys(row.dates) WHERE NOT coalesce(toString(n[k]) = row.dates[k], n[k] IS NULL AND row.dates[k] IS NULL)]
  + CASE WHEN row.concerns IS NULL OR (size(concernIds) = size(row.concerns) AND all(c IN row.concerns WHERE c IN concernIds))
      THEN [] ELSE ['concerns'] END AS changed,
  concernIds
RETURN row.key AS key, changed,
  [k IN changed | {field: k, before: CASE WHEN k = 'concerns' THEN concernIds ELSE n[k] END}] AS before,
  // The stored provenance only when it differs: otherwise the file's is the merged one.
  CASE WHEN any(k IN changed WHERE k IN ['sourceIds', 'evidence', 'evidenceText']) THEN n.sourceIds END AS storedSourceIds,
  CASE WHEN any(k IN changed WHERE k IN ['sourceIds', 'evidence', 'evidenceText']) THEN n.evidence END AS storedQuotes

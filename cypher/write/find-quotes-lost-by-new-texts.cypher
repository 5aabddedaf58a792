// Before an import gives sources a new text: the quotes stored in the graph that cite one of
// them and do not occur verbatim in its new text ($sources: id, sha256 and text of each source
// the input gives a text). A source new to the graph, or given the text it already has, has
// nothing to check, and then nothing is scanned; otherwise the quoted items are scanned, as
// setSourceText does (sources/find-quotes-of-source): a rare curation step. Each quote comes
// with the label the import gives its item (import.plan.ts itemLabel), so one that the same
// import rewrites can be told apart. CONCERNS edges copy their disagreement's versions: the
// disagreement stands for them. At most $limit rows.
UNWIND $sources AS given
MATCH (s:Source {id: given.id})
WHERE s.sha256 IS NULL OR s.sha256 <> given.sha256
WITH collect(given) AS changed
WHERE size(changed) > 0
WITH changed, [c IN changed | c.id] AS ids
CALL (ids) {
  MATCH (n:Actor|Meeting|Position|Document)
  WHERE any(id IN n.sourceIds WHERE id IN ids)
  UNWIND [i IN range(0, size(n.sourceIds) - 1) WHERE n.sourceIds[i] IN ids] AS i
  RETURN n.sourceIds[i] AS sourceId, n.id AS item, n.evidence[i] AS quote
  UNION ALL
  MATCH (a)-[r]->(b)
  WHERE type(r) <> 'CONCERNS' AND any(id IN r.sourceIds WHERE id IN ids)
  UNWIND [i IN range(0, size(r.sourceIds) - 1) WHERE r.sourceIds[i] IN ids] AS i
  RETURN r.sourceIds[i] AS sourceId,
         CASE type(r)
           WHEN 'TARGETS' THEN r.stanceId + ' -TARGETS-> ' + b.id
           WHEN 'ATTENDED' THEN a.id + ' -ATTENDED(' + r.role + ')-> ' + b.id
           WHEN 'INVOLVES' THEN a.id + ' -INVOLVES(' + r.role + ')-> ' + b.id
           ELSE coalesce(r.id, a.id + ' -' + type(r) + '-> ' + b.id)
         END AS item,
         r.evidence[i] AS quote
  UNION ALL
  MATCH (d:Disagreement)
  WHERE any(id IN d.versionSourceIds WHERE id IN ids)
  UNWIND [i IN range(0, size(d.versionSourceIds) - 1) WHERE d.versionSourceIds[i] IN ids] AS i
  RETURN d.versionSourceIds[i] AS sourceId, d.id AS item, d.versionQuotes[i] AS quote
}
WITH sourceId, item, quote, [c IN changed WHERE c.id = sourceId][0].text AS text
WHERE NOT text CONTAINS quote
RETURN sourceId, item, quote
ORDER BY sourceId, item
LIMIT $limit

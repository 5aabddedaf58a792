// New nodes (sources, actors, meetings, positions, documents) of an import batch in which the
// plan found every id absent: CREATE rather than MERGE (see create-stances), so no id is
// looked up before it is written. The per-label unique constraint on the id is the guard
// against a writer that created one meanwhile: it refuses the batch, which the importer then
// applies again comparing each row (src/import/journal.repository.ts). $label is one of
// the labels above; a position also gets its type's label, from $typeLabels (the one mapping
// of type to label, POSITION_TYPE_LABELS), as seed/merge-positions gives it.
// The dates are those of seed/merge-sources (publishedAt) and seed/merge-meetings (date);
// the rows of the other labels have neither.
WITH datetime($now) AS now
UNWIND $rows AS row
CREATE (n:$($label) {id: row.id})
SET n += row.props, n.recordedAt = now, n.recordedBy = $recordedBy
SET n:$(CASE WHEN $label = 'Position' THEN [$typeLabels[row.props.type]] ELSE [] END)
SET n.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END,
    n.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END

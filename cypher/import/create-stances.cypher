// New stance edges of an import batch in which the plan found every id absent: CREATE rather
// than MERGE, so no existing edges between the two ends are searched. Should someone create
// one of these ids in the meantime, the per-type unique constraint on the id refuses it, and
// the importer applies the batch again comparing each row (src/import/journal.ts). The
// timestamp is parsed once per batch, not once per row.
WITH datetime($now) AS now
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (p:Position {id: row.positionId})
CREATE (a)-[r:$(row.kind) {id: row.id}]->(p)
SET r += row.props,
    r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
    r.status = 'ACTIVE', r.recordedAt = now, r.recordedBy = $recordedBy

// How far a run's audit numbering has got (see import/create-audit-entries), and how many
// changes its plan counted at the commit point.
MATCH (r:ImportRun {id: $id})
RETURN coalesce(r.audited, 0) AS audited, coalesce(r.planned, 0) AS planned

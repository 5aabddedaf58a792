// The audit log, newest first (within one transaction, the last change first).
CALL () {
  MATCH (e:AuditEntry)
  WHERE ($targetId IS NULL OR e.targetId = $targetId)
    AND ($by IS NULL OR e.by = $by)
    AND ($actions IS NULL OR e.action IN $actions)
    AND ($targetKinds IS NULL OR e.targetKind IN $targetKinds)
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:AuditEntry)
  WHERE ($targetId IS NULL OR e.targetId = $targetId)
    AND ($by IS NULL OR e.by = $by)
    AND ($actions IS NULL OR e.action IN $actions)
    AND ($targetKinds IS NULL OR e.targetKind IN $targetKinds)
  WITH e ORDER BY e.at DESC, e.seq DESC
  SKIP $offset LIMIT $limit
  RETURN collect(e {.*}) AS items
}
RETURN total, items

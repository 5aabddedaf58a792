// The audit log, newest first (within one transaction, the last change first), and how many
// entries match. A page costs about the same however long the log grows: the entries of one
// item are sought through the `targetId` index; otherwise the log is read newest first in the
// order of the `at` index and cut at offset + limit, the filters by editor, action or kind
// applied as it is read. The total of the whole log comes from the count store; the entries
// of one item are counted (through the `targetId` index); with a filter by editor, action or
// kind alone the matches are counted up to $countCap, and past it the total is the size of
// the whole log (an upper bound from the count store), so no page counts a long log through.
CALL () {
  WITH ($targetId IS NULL AND $by IS NULL AND $actions IS NULL AND $targetKinds IS NULL) AS unfiltered
  CALL (unfiltered) {
    WITH unfiltered WHERE unfiltered
    CALL () {
      MATCH (e:AuditEntry)
      RETURN count(e) AS total
    }
    RETURN total
    UNION ALL
    WITH unfiltered WHERE NOT unfiltered AND $targetId IS NOT NULL
    CALL () {
      MATCH (e:AuditEntry {targetId: $targetId})
      WHERE ($by IS NULL OR e.by = $by)
        AND ($actions IS NULL OR e.action IN $actions)
        AND ($targetKinds IS NULL OR e.targetKind IN $targetKinds)
      RETURN count(e) AS total
    }
    RETURN total
    UNION ALL
    WITH unfiltered WHERE NOT unfiltered AND $targetId IS NULL
    CALL () {
      MATCH (e:AuditEntry)
      WHERE ($by IS NULL OR e.by = $by)
        AND ($actions IS NULL OR e.action IN $actions)
        AND ($targetKinds IS NULL OR e.targetKind IN $targetKinds)
      WITH e LIMIT $countCap + 1
      RETURN count(e) AS counted
    }
    CALL () {
      MATCH (e:AuditEntry)
      RETURN count(e) AS stored
    }
    RETURN CASE WHEN counted > $countCap THEN stored ELSE counted END AS total
  }
  RETURN total
}
CALL () {
  WITH $targetId IS NOT NULL AS oneItem
  CALL (oneItem) {
    WITH oneItem WHERE oneItem
    CALL () {
      MATCH (e:AuditEntry {targetId: $targetId})
      WHERE ($by IS NULL OR e.by = $by)
        AND ($actions IS NULL OR e.action IN $actions)
        AND ($targetKinds IS NULL OR e.targetKind IN $targetKinds)
      RETURN e ORDER BY e.at DESC, e.seq DESC SKIP $offset LIMIT $limit
    }
    RETURN e
    UNION ALL
    WITH oneItem WHERE NOT oneItem
    CALL () {
      MATCH (e:AuditEntry)
      WHERE e.at IS NOT NULL
        AND ($by IS NULL OR e.by = $by)
        AND ($actions IS NULL OR e.action IN $actions)
        AND ($targetKinds IS NULL OR e.targetKind IN $targetKinds)
      RETURN e ORDER BY e.at DESC, e.seq DESC SKIP $offset LIMIT $limit
    }
    RETURN e
  }
  RETURN collect(e {.*}) AS items
}
RETURN total, items

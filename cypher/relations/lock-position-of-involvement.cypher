// Takes the write lock of the position an involvement hangs off (see write/lock-node) before
// the edit is stamped, so concurrent edits of whom it involves take turns and each is stamped
// after the one it waited for; returns when the edge last changed (its newest audit entry,
// under $targetId), for the stamp to follow it even on a clock that runs behind.
OPTIONAL MATCH (p:Position {id: $positionId})
SET p.`__lock` = true
REMOVE p.`__lock`
WITH count(p) AS locked
OPTIONAL MATCH (e:AuditEntry {targetId: $targetId})
RETURN locked, max(e.at) AS lastChangedAt

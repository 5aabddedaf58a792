// Takes the write lock of the stance a target is recorded on (see write/lock-node) before the
// edit is stamped, so concurrent edits of its targets take turns and each is stamped after the
// one it waited for; returns when the edge last changed (its newest audit entry, under
// $targetId), for the stamp to follow it even on a clock that runs behind.
OPTIONAL MATCH ()-[s:PROPOSED|REJECTED|AGREED_TO|CONSIDERING {id: $stanceId}]->()
SET s.`__lock` = true
REMOVE s.`__lock`
WITH count(s) AS locked
OPTIONAL MATCH (e:AuditEntry {targetId: $targetId})
RETURN locked, max(e.at) AS lastChangedAt

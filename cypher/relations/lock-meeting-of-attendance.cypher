// Takes the write lock of the meeting an attendance hangs off (see write/lock-node) before
// the edit is stamped, so concurrent edits of who attended take turns and each is stamped
// after the one it waited for; returns when the edge last changed (its newest audit entry,
// under $targetId), for the stamp to follow it even on a clock that runs behind.
OPTIONAL MATCH (m:Meeting {id: $meetingId})
SET m.`__lock` = true
REMOVE m.`__lock`
WITH count(m) AS locked
OPTIONAL MATCH (e:AuditEntry {targetId: $targetId})
RETURN locked, max(e.at) AS lastChangedAt

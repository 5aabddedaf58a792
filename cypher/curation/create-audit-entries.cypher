// The audit trail: one entry per change, written in the same transaction as the change, so
// an entry exists exactly when its change was committed.
UNWIND $entries AS entry
CREATE (e:AuditEntry)
SET e = entry, e.at = datetime($now)

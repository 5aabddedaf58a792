// The audit log after a sequence number, oldest first, for replicas that follow it to tell
// their subscribers what changed (src/subscriptions/audit-follower.ts). Bounded per call; the
// follower asks again from where it stopped. `run` names the import run an entry came in
// (null for other changes), so concurrent imports are counted apart.
MATCH (e:AuditEntry)
WHERE e.sequence > $after
RETURN e {.sequence, .seq, .batchSize, .run, .by, .via, .action, .targetKind, .targetId, .summary, at: toString(e.at)} AS entry
ORDER BY e.sequence
LIMIT $limit

// The audit trail: one entry per change, written in the same transaction as the change, so
// an entry exists exactly when its change was committed.
// Each entry also gets the next number of one gapless sequence: the counter is locked (the
// first SET) before it is read, so concurrent writers take turns and commit in sequence
// order; a rolled-back transaction rolls its numbers back too. Replicas follow the log by
// this number (src/subscriptions). `batchSize` says how many entries this transaction wrote.
MERGE (counter:AuditSequence {name: 'audit'})
  ON CREATE SET counter.last = 0
SET counter.locked = true
WITH counter
SET counter.last = counter.last + size($entries)
WITH counter.last - size($entries) AS base
UNWIND range(0, size($entries) - 1) AS i
WITH base, i, $entries[i] AS entry
CREATE (e:AuditEntry)
SET e = entry, e.at = datetime($now), e.sequence = base + i + 1, e.batchSize = size($entries)

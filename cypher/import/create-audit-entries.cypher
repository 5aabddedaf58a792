// The audit entries of one import batch, written in the batch's transaction (see
// curation/create-audit-entries for the gapless sequence). An import run spans many
// transactions, so its entries are numbered across the whole run: `seq` continues from the
// entries written before ($entries carry it), and `batchSize` is the run's planned number of
// changes, or its final number in the run's last batch; the change feed announces the import
// once it reads the entry with seq + 1 = batchSize (importFinished). The run remembers how many
// entries it has written, so an import resumed after a crash continues the numbering.
// The timestamp is parsed once per batch, not once per entry.
MERGE (counter:AuditSequence {name: 'audit'})
  ON CREATE SET counter.last = 0
SET counter.locked = true
WITH counter
SET counter.last = counter.last + size($entries)
WITH counter.last - size($entries) AS base
MATCH (run:ImportRun {id: $run})
SET run.audited = coalesce(run.audited, 0) + size($entries)
WITH base, datetime($now) AS at
UNWIND range(0, size($entries) - 1) AS i
WITH base, at, i, $entries[i] AS entry
CREATE (e:AuditEntry)
SET e = entry, e.at = at, e.sequence = base + i + 1, e.batchSize = $runSize

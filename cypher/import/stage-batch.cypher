// One staged batch: rows of one section as JSON text, applied in (rank, seq) order after the
// run's commit point. Staged rows are invisible: no read query matches :ImportBatch.
CREATE (b:ImportBatch {run: $run, rank: $rank, seq: $seq})
SET b.query = $query, b.section = $section, b.dataset = $dataset, b.count = $count, b.allNew = $allNew, b.rows = $rows

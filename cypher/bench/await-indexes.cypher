// Benchmark set-up: wait until every index (full-text included) has caught up with the data.
CALL db.awaitIndexes(600)

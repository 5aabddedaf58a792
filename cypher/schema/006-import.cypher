// Large imports (src/import): each run is recorded, and its validated rows are staged in
// batches under labels no read query matches (the import lock is 005-import-lock).
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_batch_run IF NOT EXISTS FOR (n:ImportBatch) ON (n.run);

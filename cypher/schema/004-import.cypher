// Large imports (src/import): each run is recorded, its validated rows are staged in batches
// under labels no read query matches, and one lock node serialises the apply steps of
// concurrent imports (so the audit log says who really created what).
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (n:ImportLock) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_batch_run IF NOT EXISTS FOR (n:ImportBatch) ON (n.run);

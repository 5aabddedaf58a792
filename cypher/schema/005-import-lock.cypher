// The one ImportLock node (see curation/lock-imports): unique, so two imports that take it at
// the same moment cannot each create their own and both proceed.
CREATE CONSTRAINT import_lock_name IF NOT EXISTS FOR (n:ImportLock) REQUIRE n.name IS UNIQUE;

// Indexes that no query uses, dropped from databases created by earlier versions; each cost
// one more index entry (and its share of every commit) per stance written (issue 11).
// Stance status: read only as coalesce(r.status, 'ACTIVE') = 'ACTIVE' (see 004-read-indexes).
DROP INDEX proposed_status IF EXISTS;
DROP INDEX rejected_status IF EXISTS;
DROP INDEX agreed_to_status IF EXISTS;
DROP INDEX considering_status IF EXISTS;

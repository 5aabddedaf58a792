// State that several API replicas share lives in the database (src/auth, src/subscriptions):
// API tokens (hashes only) looked up by id, and one counter that numbers audit entries without
// gaps, so every replica can follow the audit log in order (subscriptions).
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_sequence_name IF NOT EXISTS FOR (n:AuditSequence) REQUIRE n.name IS UNIQUE;
CREATE INDEX audit_entry_sequence IF NOT EXISTS FOR (n:AuditEntry) ON (n.sequence);

// Serialises imports: each takes this write lock before it compares its items with the graph,
// so a second import of the same items waits for the first to commit, then finds them in
// place and creates nothing (the audit log credits only the import that created them).
MERGE (lock:ImportLock {name: 'import'})
SET lock.heldSince = datetime()
RETURN lock.name AS name

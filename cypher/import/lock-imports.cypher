// Serialises the apply steps of concurrent imports: the lock node is written, so a second
// import's apply waits here until the first commits, then compares against what it wrote.
MERGE (l:ImportLock {id: 'imports'})
SET l.run = $run, l.at = datetime($now)

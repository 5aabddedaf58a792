// A new import run, STAGING until its commit point. Nothing a reader queries matches it.
CREATE (r:ImportRun {id: $id})
SET r.by = $by, r.via = $via, r.files = $files, r.status = 'STAGING',
    r.startedAt = datetime($now), r.heartbeatAt = datetime($now), r.pid = $pid, r.host = $host

// Runs that did not finish: staged, committed (being applied) or failed while applying, with
// how long ago their importer last showed signs of life.
MATCH (r:ImportRun)
WHERE r.status IN ['STAGING', 'COMMITTED', 'FAILED']
RETURN r.id AS id, r.status AS status, r.by AS by, r.via AS via, r.files AS files,
  r.datasets AS datasets, r.pid AS pid, r.host AS host, toString(r.startedAt) AS startedAt,
  duration.inSeconds(r.heartbeatAt, datetime()).seconds AS idleSeconds
ORDER BY r.startedAt
LIMIT 100

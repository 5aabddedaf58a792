// Moves a run from one of the expected states to the next (the commit point is STAGING →
// COMMITTED), and records a heartbeat; returns nothing when the run was not in $from.
MATCH (r:ImportRun {id: $id})
WHERE r.status IN $from
SET r.status = $to, r.heartbeatAt = datetime($now), r += $fields
RETURN r.status AS status

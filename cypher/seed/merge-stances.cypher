// One edge per claim, keyed by its id. Relationship types cannot be parameters, so each kind
// has its own branch. Status is set on creation only: re-loading the seed never undoes a
// retraction made through the API.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (p:Position {id: row.positionId})
FOREACH (_ IN CASE WHEN row.kind = 'PROPOSED' THEN [1] ELSE [] END |
  MERGE (a)-[r:PROPOSED {id: row.id}]->(p)
  ON CREATE SET r.status = 'ACTIVE', r.recordedAt = datetime($now), r.recordedBy = $recordedBy
  SET r += row.props, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END)
FOREACH (_ IN CASE WHEN row.kind = 'REJECTED' THEN [1] ELSE [] END |
  MERGE (a)-[r:REJECTED {id: row.id}]->(p)
  ON CREATE SET r.status = 'ACTIVE', r.recordedAt = datetime($now), r.recordedBy = $recordedBy
  SET r += row.props, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END)
FOREACH (_ IN CASE WHEN row.kind = 'AGREED_TO' THEN [1] ELSE [] END |
  MERGE (a)-[r:AGREED_TO {id: row.id}]->(p)
  ON CREATE SET r.status = 'ACTIVE', r.recordedAt = datetime($now), r.recordedBy = $recordedBy
  SET r += row.props, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END)
FOREACH (_ IN CASE WHEN row.kind = 'CONSIDERING' THEN [1] ELSE [] END |
  MERGE (a)-[r:CONSIDERING {id: row.id}]->(p)
  ON CREATE SET r.status = 'ACTIVE', r.recordedAt = datetime($now), r.recordedBy = $recordedBy
  SET r += row.props, r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END)

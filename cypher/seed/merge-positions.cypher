// A position has the label Position plus exactly one of Demand, Proposal, Concession.
UNWIND $rows AS row
MERGE (p:Position {id: row.id})
ON CREATE SET p.recordedAt = datetime($now), p.recordedBy = $recordedBy
SET p += row.props
REMOVE p:Demand:Proposal:Concession
WITH p, row
FOREACH (_ IN CASE WHEN row.props.type = 'DEMAND' THEN [1] ELSE [] END | SET p:Demand)
FOREACH (_ IN CASE WHEN row.props.type = 'PROPOSAL' THEN [1] ELSE [] END | SET p:Proposal)
FOREACH (_ IN CASE WHEN row.props.type = 'CONCESSION' THEN [1] ELSE [] END | SET p:Concession)

// Batch look-up for the per-request actor loader.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.*} AS actor

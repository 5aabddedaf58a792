UNWIND $ids AS id
MATCH (p:Position {id: id})
RETURN p {.*} AS position

UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN m {.*} AS meeting

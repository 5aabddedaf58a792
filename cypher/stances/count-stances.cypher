// How many stances list-stances would page through (same filters), per asked kind: counted
// exactly up to $countCap matches; past that, the kind's number of stances from the count
// store (an upper bound that ignores the other filters), so counting costs the same however
// large the graph grows. `estimated` says whether any kind was estimated. Guarded,
// uncorrelated subqueries as in list-stances, so only the asked kinds are read.
UNWIND coalesce($kinds, ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING']) AS kind
CALL (kind) {
  WITH kind WHERE kind = 'PROPOSED'
  CALL () {
    MATCH (a:Actor)-[r:PROPOSED]->(p:Position)
    WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS counted
  }
  RETURN counted
  UNION ALL
  WITH kind WHERE kind = 'REJECTED'
  CALL () {
    MATCH (a:Actor)-[r:REJECTED]->(p:Position)
    WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS counted
  }
  RETURN counted
  UNION ALL
  WITH kind WHERE kind = 'AGREED_TO'
  CALL () {
    MATCH (a:Actor)-[r:AGREED_TO]->(p:Position)
    WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS counted
  }
  RETURN counted
  UNION ALL
  WITH kind WHERE kind = 'CONSIDERING'
  CALL () {
    MATCH (a:Actor)-[r:CONSIDERING]->(p:Position)
    WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
      AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
      AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
      AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS counted
  }
  RETURN counted
}
CALL (kind, counted) {
  WITH kind WHERE counted <= $countCap
  RETURN counted AS n
  UNION ALL
  WITH kind WHERE counted > $countCap AND kind = 'PROPOSED'
  CALL () {
    MATCH ()-[r:PROPOSED]->()
    RETURN count(r) AS stored
  }
  RETURN stored AS n
  UNION ALL
  WITH kind WHERE counted > $countCap AND kind = 'REJECTED'
  CALL () {
    MATCH ()-[r:REJECTED]->()
    RETURN count(r) AS stored
  }
  RETURN stored AS n
  UNION ALL
  WITH kind WHERE counted > $countCap AND kind = 'AGREED_TO'
  CALL () {
    MATCH ()-[r:AGREED_TO]->()
    RETURN count(r) AS stored
  }
  RETURN stored AS n
  UNION ALL
  WITH kind WHERE counted > $countCap AND kind = 'CONSIDERING'
  CALL () {
    MATCH ()-[r:CONSIDERING]->()
    RETURN count(r) AS stored
  }
  RETURN stored AS n
}
RETURN sum(n) AS total, any(c IN collect(counted) WHERE c > $countCap) AS estimated

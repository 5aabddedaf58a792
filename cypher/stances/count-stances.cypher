// How many stances list-stances would page through (same filters), per requested kind.
CALL () {
  WITH * WHERE $kinds IS NULL OR 'PROPOSED' IN $kinds
  MATCH (a:Actor)-[r:PROPOSED]->(p:Position)
  WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
    AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
    AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
    AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
  RETURN count(r) AS n
  UNION ALL
  WITH * WHERE $kinds IS NULL OR 'REJECTED' IN $kinds
  MATCH (a:Actor)-[r:REJECTED]->(p:Position)
  WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
    AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
    AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
    AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
  RETURN count(r) AS n
  UNION ALL
  WITH * WHERE $kinds IS NULL OR 'AGREED_TO' IN $kinds
  MATCH (a:Actor)-[r:AGREED_TO]->(p:Position)
  WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
    AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
    AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
    AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
  RETURN count(r) AS n
  UNION ALL
  WITH * WHERE $kinds IS NULL OR 'CONSIDERING' IN $kinds
  MATCH (a:Actor)-[r:CONSIDERING]->(p:Position)
  WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
    AND ($topics IS NULL OR any(t IN p.topics WHERE t IN $topics))
    AND ($sourceIds IS NULL OR any(s IN r.sourceIds WHERE s IN $sourceIds))
    AND ($includeRetracted OR coalesce(r.status, 'ACTIVE') = 'ACTIVE')
  RETURN count(r) AS n
}
RETURN sum(n) AS total
